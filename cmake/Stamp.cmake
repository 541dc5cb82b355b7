# cmake -DLIST=files.txt -DOUTPUT=stamp.h -P Stamp.cmake
# Writes a hash of the contents of the files LIST names (one per line) as
# RS_CACHE_LAYOUT: the compiled lexicon cache of one build is never read
# by a build of other sources. Contents only, no paths: a build does not
# carry the folder it was built in. The header is rewritten only when the
# hash changes.
file(STRINGS ${LIST} files)
set(all "")
foreach(f IN LISTS files)
  file(SHA256 ${f} h)
  string(APPEND all "${h}")
endforeach()
string(SHA256 stamp "${all}")
string(SUBSTRING "${stamp}" 0 32 stamp)
set(text "/* generated: a hash of the library's sources (cmake/Stamp.cmake) */\n#define RS_CACHE_LAYOUT \"${stamp}\"\n")
set(old "")
if(EXISTS ${OUTPUT})
  file(READ ${OUTPUT} old)
endif()
if(NOT old STREQUAL text)
  file(WRITE ${OUTPUT} "${text}")
endif()
