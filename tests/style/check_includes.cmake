# Each stage reaches another only through headers named from src/
# ("lexicon/roles_internal.h"), never by climbing out of its own folder
# ("../lexicon/xml.h"): a file's includes say which stages it depends on.
file(GLOB_RECURSE sources ${SOURCE}/src/*.c ${SOURCE}/src/*.h)
set(bad "")
foreach(f ${sources})
  file(STRINGS ${f} lines REGEX "^[ \t]*#[ \t]*include[ \t]+\"\\.\\./")
  foreach(l ${lines})
    file(RELATIVE_PATH rel ${SOURCE} ${f})
    string(APPEND bad "  ${rel}: ${l}\n")
  endforeach()
endforeach()
if(bad)
  message(FATAL_ERROR "includes that climb out of their stage's folder:\n${bad}")
endif()
list(LENGTH sources n)
message(STATUS "${n} files, no include climbs out of its folder")

# The layout of rs_text and rs_document (text/document_internal.h) belongs
# to the stages that build them: src/text/, and src/input/, which fills in
# rs_text. Every other file reads a document through the accessors of
# text/text_internal.h; so may the text stage's own unit tests.
file(GLOB_RECURSE users ${SOURCE}/src/*.[ch] ${SOURCE}/tests/*.[ch]
     ${SOURCE}/fuzz/*.[ch] ${SOURCE}/bench/*.[ch] ${SOURCE}/examples/*.[ch])
set(allowed "^(src/text/|src/input/|tests/unit/test_(normalize|tokenize)\\.c$)")
set(bad "")
foreach(f ${users})
  file(RELATIVE_PATH rel ${SOURCE} ${f})
  if(rel MATCHES "${allowed}")
    continue()
  endif()
  file(STRINGS ${f} lines
       REGEX "^[ \t]*#[ \t]*include[ \t]+[\"<]([^\">]*/)?document_internal\\.h[\">]")
  foreach(l ${lines})
    string(APPEND bad "  ${rel}: ${l}\n")
  endforeach()
endforeach()
if(bad)
  message(FATAL_ERROR "the document's layout is private to src/text/ and src/input/ "
                      "(use the accessors of text/text_internal.h):\n${bad}")
endif()
message(STATUS "document_internal.h is included only by src/text/ and src/input/")
