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
