# classify --report FILE writes the HTML summary atomically next to the
# normal output, and the page is golden (ROLESCAN_UPDATE_GOLDEN=1 rewrites).
set(ENV{NO_COLOR} 1)
set(page ${OUTDIR}/classify-report.html)
file(REMOVE ${page})
execute_process(COMMAND ${CLI} classify --as-of 2026-11 -q --format csv --report ${page}
    samples/postings tests/golden/inputs/classify-faults
  WORKING_DIRECTORY ${WORKDIR} OUTPUT_VARIABLE csv RESULT_VARIABLE rc)
if(NOT rc EQUAL 1)   # the fault folder holds unreadable postings
  message(FATAL_ERROR "expected exit 1, got ${rc}")
endif()
file(GLOB leftovers ${OUTDIR}/classify-report.html.tmp.*)
if(leftovers)
  message(FATAL_ERROR "temporary files left: ${leftovers}")
endif()
file(READ ${page} got)
if(DEFINED ENV{ROLESCAN_UPDATE_GOLDEN})
  file(WRITE ${EXPECTED} "${got}")
endif()
file(READ ${EXPECTED} want)
if(NOT got STREQUAL want)
  message(FATAL_ERROR "${page} differs from ${EXPECTED}")
endif()
