/* qualify.h — how a posting speaks of one mention of a skill: negated ("No
 * Java required", "not a Kubernetes role", "without PHP", "Java is not
 * needed"), preferred ("Kafka is a plus", "nice to have: Rust"), or plain
 * ("Python (primary)", "strong React.js"); and the years it asks for in
 * the same clause ("5+ years of Go", "Go (3+ years)"). Reads the clause
 * around the mention in the document's normalized text and tokens, at most
 * 40 tokens each side; the rules, and the cases decided against, are in
 * qualify.c. */
#ifndef RS_QUALIFY_H
#define RS_QUALIFY_H

#include "internal.h"

typedef enum rs_mention_mode {
    RS_MENTION_PLAIN = 0,
    RS_MENTION_NEGATED,
    RS_MENTION_PREFERRED,
    /* known only in passing: "familiar with Rust", "exposure to Kafka",
     * "currently learning Go"; a resume claims nothing by it, a posting
     * still asks for it */
    RS_MENTION_FAMILIAR
} rs_mention_mode;

typedef struct rs_mention {
    rs_mention_mode mode;
    int years;        /* years asked for this skill in the clause, 0 when none;
                         a range ("2-3 years") gives its lower bound */
} rs_mention;

/* The mention at original bytes [orig_start, orig_end) of doc (an
 * rs_evidence range). The document must be tokenized. */
rs_mention rs__qualify_mention(const rs_document *doc, size_t orig_start, size_t orig_end);

#endif
