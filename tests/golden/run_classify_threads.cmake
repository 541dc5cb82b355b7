# classify gives byte-identical output on 1 and 2 threads (and 8), and
# splitting a JSON Lines stream with GNU parallel --pipe gives the same
# lines as one --stream run.
set(ENV{NO_COLOR} 1)
set(inputs samples/postings samples/resumes tests/golden/inputs/postings.jsonl
           tests/golden/inputs/classify-faults)
foreach(j 1 2 8)
  execute_process(COMMAND ${CLI} classify --as-of 2026-11 -q --format jsonl -j ${j} ${inputs}
    WORKING_DIRECTORY ${WORKDIR} OUTPUT_VARIABLE out_${j} RESULT_VARIABLE rc)
  if(NOT rc EQUAL 1)
    message(FATAL_ERROR "-j ${j}: exit code ${rc}, expected 1 (the fault folder)")
  endif()
endforeach()
if(NOT out_1 STREQUAL out_2 OR NOT out_1 STREQUAL out_8)
  message(FATAL_ERROR "output differs between -j 1, -j 2 and -j 8")
endif()
string(REGEX MATCHALL "\n" lines "${out_1}")
list(LENGTH lines n)
if(n LESS 40)
  message(FATAL_ERROR "expected a row per input, got ${n} lines")
endif()

find_program(PARALLEL parallel)
if(NOT PARALLEL)
  message(STATUS "GNU parallel not installed: streaming split check skipped")
  return()
endif()
execute_process(COMMAND ${CLI} classify --as-of 2026-11 --stream
  INPUT_FILE ${WORKDIR}/tests/golden/inputs/postings.jsonl
  WORKING_DIRECTORY ${WORKDIR} OUTPUT_VARIABLE single RESULT_VARIABLE rc)
execute_process(COMMAND ${PARALLEL} --will-cite --pipe -N 3 -k -j 3
    ${CLI} classify --as-of 2026-11 --stream
  INPUT_FILE ${WORKDIR}/tests/golden/inputs/postings.jsonl
  WORKING_DIRECTORY ${WORKDIR} OUTPUT_VARIABLE split RESULT_VARIABLE rc2)
if(NOT rc EQUAL 0 OR NOT rc2 EQUAL 0 OR NOT single STREQUAL split)
  message(FATAL_ERROR "parallel --pipe output differs from a single run (${rc}/${rc2})")
endif()
