# -o FILE writes the same bytes stdout would get, atomically: no temporary
# file is left, and a failed write leaves the old file untouched.
set(ENV{NO_COLOR} 1)
set(target ${OUTDIR}/golden-output.json)
file(REMOVE ${target})
execute_process(COMMAND ${CLI} scan --format json ${INPUT} WORKING_DIRECTORY ${WORKDIR}
  OUTPUT_VARIABLE want RESULT_VARIABLE rc)
execute_process(COMMAND ${CLI} scan --format json -o ${target} ${INPUT}
  WORKING_DIRECTORY ${WORKDIR} OUTPUT_VARIABLE out RESULT_VARIABLE rc2)
if(NOT rc EQUAL 0 OR NOT rc2 EQUAL 0 OR NOT out STREQUAL "")
  message(FATAL_ERROR "exit codes ${rc}/${rc2}, stdout with -o: '${out}'")
endif()
file(READ ${target} got)
if(NOT got STREQUAL want)
  message(FATAL_ERROR "-o output differs from stdout")
endif()
file(GLOB leftovers ${OUTDIR}/golden-output.json.tmp.*)
if(leftovers)
  message(FATAL_ERROR "temporary files left: ${leftovers}")
endif()
# An output folder that does not exist: exit 4, nothing written.
execute_process(COMMAND ${CLI} scan -o ${OUTDIR}/no-such-dir/out.json ${INPUT}
  WORKING_DIRECTORY ${WORKDIR} ERROR_VARIABLE err RESULT_VARIABLE rc3)
if(NOT rc3 EQUAL 4 OR NOT err MATCHES "no-such-dir/out.json: error: cannot write")
  message(FATAL_ERROR "expected exit 4 and a message, got ${rc3}: ${err}")
endif()
