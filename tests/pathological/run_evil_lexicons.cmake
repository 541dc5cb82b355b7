# run_evil_lexicons.cmake — `rolescan lexicon check DIR` on hostile lexicon
# folders (tests/data/evil-lexicons/*, and cases generated here that are too
# big to keep: a 50 MB file, a folder over the total size limit, elements
# nested 100,000 deep, a quadratic entity blow-up). Each must exit 3 with
# "FILE:LINE: error: ..." (the size limits name the file or folder without
# a line) and nothing of /etc/passwd in stdout or stderr. Where strace runs,
# it also checks that no such run opens /etc/passwd or makes a socket.
#
#   cmake -DROLESCAN=<rolescan> -DSOURCE=<repo> -DWORK=<scratch dir>
#         -P tests/pathological/run_evil_lexicons.cmake
cmake_minimum_required(VERSION 3.18)
foreach(v ROLESCAN SOURCE WORK)
  if(NOT DEFINED ${v})
    message(FATAL_ERROR "run_evil_lexicons.cmake: -D${v}= is required")
  endif()
endforeach()

file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}")

set(passwd_line "")
if(EXISTS /etc/passwd)
  file(STRINGS /etc/passwd passwd_line LIMIT_COUNT 1)
endif()

find_program(STRACE strace)
set(use_strace FALSE)
if(STRACE)
  # ptrace may be forbidden (containers): use strace only when it works
  execute_process(COMMAND ${STRACE} -f -qq -o "${WORK}/probe.trace" -e trace=openat true
    RESULT_VARIABLE rc OUTPUT_QUIET ERROR_QUIET)
  if(rc EQUAL 0 AND EXISTS "${WORK}/probe.trace")
    set(use_strace TRUE)
  else()
    message(STATUS "strace cannot trace here: file and socket checks skipped")
  endif()
endif()

set(failures 0)
macro(fail msg)
  message(SEND_ERROR "${msg}")
  math(EXPR failures "${failures} + 1")
endmacro()

# check(NAME DIR REGEX): exit 3, stderr matching REGEX, no passwd content.
function(check name dir regex)
  set(cmd ${ROLESCAN} lexicon check "${dir}")
  execute_process(COMMAND ${cmd} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err
    TIMEOUT 120)
  if(use_strace)   # a second run, traced (LeakSanitizer cannot run under ptrace)
    set(trace "${WORK}/${name}.trace")
    execute_process(COMMAND ${STRACE} -f -qq -o "${trace}" -E ASAN_OPTIONS=detect_leaks=0
        -e trace=open,openat,socket,connect ${cmd}
      RESULT_VARIABLE traced_rc OUTPUT_QUIET ERROR_QUIET TIMEOUT 120)
  endif()
  set(bad "")
  if(NOT rc EQUAL 3)
    string(APPEND bad " exit ${rc}, want 3;")
  endif()
  if(NOT err MATCHES "${regex}")
    string(APPEND bad " stderr does not match '${regex}';")
  endif()
  string(FIND "${out}${err}" "root:" at)
  if(NOT at EQUAL -1)
    string(APPEND bad " output shows 'root:' (/etc/passwd);")
  endif()
  if(passwd_line)
    string(FIND "${out}${err}" "${passwd_line}" at)
    if(NOT at EQUAL -1)
      string(APPEND bad " output shows a line of /etc/passwd;")
    endif()
  endif()
  if(use_strace)
    file(READ "${trace}" calls)
    if(calls MATCHES "/etc/passwd")
      string(APPEND bad " opened /etc/passwd;")
    endif()
    if(calls MATCHES "(^|\n)[0-9]+ +(socket|connect)\\(")
      string(APPEND bad " made a socket (network);")
    endif()
  endif()
  if(bad)
    message(SEND_ERROR "${name}:${bad}\n  stderr: ${err}")
    set(failures_here 1 PARENT_SCOPE)
  else()
    string(STRIP "${err}" err)
    message(STATUS "${name}: refused: ${err}")
  endif()
endfunction()

set(evil "${SOURCE}/tests/data/evil-lexicons")
set(line_error "skills-evil\\.xml:[1-9][0-9]*: error: [^\n]+")
foreach(name xxe-file xxe-network parameter-entity parameter-entity-oob external-dtd-file
             network-dtd xinclude billion-laughs deep-nesting)
  if(NOT EXISTS "${evil}/${name}/skills-evil.xml")
    fail("${name}: ${evil}/${name}/skills-evil.xml is missing")
  endif()
  set(failures_here 0)
  check(${name} "${evil}/${name}" "${line_error}")
  if(failures_here)
    fail("${name} failed")
  endif()
endforeach()

# Generated cases.
set(head "<?xml version=\"1.0\"?>\n<lexicon xmlns=\"urn:rolescan:lexicon:1\" name=\"evil\" version=\"1.0\">\n")

# 50 MB of skills: over the 32 MB file limit, refused unparsed.
string(REPEAT "  <skill id=\"s\" name=\"S\" category=\"tool\"><alias>s</alias></skill>\n" 800000 body)
file(WRITE "${WORK}/huge/skills-evil.xml" "${head}${body}</lexicon>\n")
set(body "")
set(failures_here 0)
check(huge "${WORK}/huge" "skills-evil\\.xml: error: lexicon file over 33554432 bytes")
file(REMOVE_RECURSE "${WORK}/huge")
if(failures_here)
  fail("huge failed")
endif()

# Five sparse 20 MB files: each under the file limit, together over the
# folder's 64 MB (needs truncate(1); skipped without it).
find_program(TRUNCATE truncate)
if(TRUNCATE)
  file(MAKE_DIRECTORY "${WORK}/many")
  foreach(i RANGE 1 5)
    execute_process(COMMAND ${TRUNCATE} -s 20M "${WORK}/many/skills-${i}.xml")
  endforeach()
  set(failures_here 0)
  check(many-files "${WORK}/many" "many: error: lexicon files together over 67108864 bytes")
  file(REMOVE_RECURSE "${WORK}/many")
  if(failures_here)
    fail("many-files failed")
  endif()
endif()

# Elements nested 100,000 deep.
string(REPEAT "<n>" 100000 open)
string(REPEAT "</n>" 100000 close)
file(WRITE "${WORK}/deep/skills-evil.xml"
  "${head}<skill id=\"e\" name=\"E\" category=\"tool\"><alias>${open}${close}</alias></skill></lexicon>\n")
set(failures_here 0)
check(deep-100k "${WORK}/deep" "${line_error}")
if(failures_here)
  fail("deep-100k failed")
endif()

# A 100 KB entity used 20,000 times (2 GB if expanded).
string(REPEAT "A" 100000 big)
string(REPEAT "&b;" 20000 refs)
file(WRITE "${WORK}/quadratic/skills-evil.xml"
  "<?xml version=\"1.0\"?>\n<!DOCTYPE lexicon [ <!ENTITY b \"${big}\"> ]>\n"
  "<lexicon xmlns=\"urn:rolescan:lexicon:1\" name=\"evil\" version=\"1.0\">\n"
  "<skill id=\"e\" name=\"E\" category=\"tool\"><alias>${refs}</alias></skill></lexicon>\n")
set(failures_here 0)
check(quadratic "${WORK}/quadratic" "${line_error}")
if(failures_here)
  fail("quadratic failed")
endif()

file(REMOVE_RECURSE "${WORK}")
if(failures)
  message(FATAL_ERROR "${failures} hostile lexicon case(s) not refused as they should be")
endif()
