# The compiled lexicon cache from the command line: the first run writes
# one file per lexicon kind, a second run reads them and prints the same
# bytes, a damaged file (truncated, or a byte flipped) gives the same
# output again and is rewritten whole, --no-cache writes nothing, and an
# empty ROLESCAN_CACHE_DIR turns the cache off.
set(D ${TMP}/cache)
file(REMOVE_RECURSE ${TMP})
set(R samples/resumes/04-team-lead.md)

function(run out)
  set(cmd ${CLI})
  if(ARGV1 STREQUAL "-E")   # run(out -E env VAR=... CLI args): through cmake -E env
    set(cmd ${CMAKE_COMMAND})
  endif()
  execute_process(COMMAND ${cmd} ${ARGN} WORKING_DIRECTORY ${WORKDIR}
    OUTPUT_VARIABLE o ERROR_VARIABLE e RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${ARGN}: exit code ${rc}: ${e}")
  endif()
  set(${out} "${o}" PARENT_SCOPE)
endfunction()

run(first score --format json --cache-dir ${D} ${R})
file(GLOB files ${D}/*.cache)
list(LENGTH files n)
if(NOT n EQUAL 2)
  message(FATAL_ERROR "expected a skills and a roles cache file, found: ${files}")
endif()
file(GLOB skills ${D}/skills-*.cache)
file(SIZE ${skills} size)
file(TIMESTAMP ${skills} written "%s")

run(again score --format json --cache-dir ${D} ${R})
if(NOT again STREQUAL first)
  message(FATAL_ERROR "a run from the cache printed other bytes")
endif()

# truncated to half: detected, the same output, rewritten whole
math(EXPR half "${size} / 2")
execute_process(COMMAND truncate -s ${half} ${skills})
file(SIZE ${skills} cut)
if(NOT cut EQUAL half)
  message(FATAL_ERROR "could not truncate the cache file")
endif()
run(repaired score --format json --cache-dir ${D} ${R})
if(NOT repaired STREQUAL first)
  message(FATAL_ERROR "after a truncated cache file the output changed")
endif()
file(SIZE ${skills} now)
if(NOT now EQUAL size)
  message(FATAL_ERROR "the truncated cache file was not rewritten (${now} of ${size} bytes)")
endif()

# one byte flipped in the middle (dd writes it in place)
math(EXPR mid "${size} / 2")
execute_process(COMMAND sh -c "printf '\\377' | dd of='${skills}' bs=1 seek=${mid} conv=notrunc status=none")
run(flipped score --format json --cache-dir ${D} ${R})
if(NOT flipped STREQUAL first)
  message(FATAL_ERROR "after a flipped byte the output changed")
endif()
run(clean score --format json --cache-dir ${D} ${R})
if(NOT clean STREQUAL first)
  message(FATAL_ERROR "the rewritten cache file gives other output")
endif()

# off: --no-cache, and an empty ROLESCAN_CACHE_DIR
run(off score --format json --no-cache --cache-dir ${TMP}/none ${R})
# (set(ENV{...} "") would unset it: cmake -E env sets it empty)
run(off2 -E env ROLESCAN_CACHE_DIR= HOME=${TMP}/home ${CLI} score --format json ${R})
if(EXISTS ${TMP}/none OR EXISTS ${TMP}/home)
  message(FATAL_ERROR "a cache was written although it was turned off")
endif()
if(NOT off STREQUAL first OR NOT off2 STREQUAL first)
  message(FATAL_ERROR "the output without a cache differs")
endif()
file(REMOVE_RECURSE ${TMP})
