# One golden CLI test, run by CTest as `cmake -P run_golden.cmake`:
#   CLI       the rolescan binary
#   ARGS      its arguments (a ;-list), run in WORKDIR
#   RC        the exit code expected (default 0)
#   EXPECTED  a file stdout must equal (skipped when empty)
#   STDERR    a regular expression stderr must match (optional)
#   STDIN     a file fed to standard input (optional)
# With ROLESCAN_UPDATE_GOLDEN=1 in the environment, EXPECTED is rewritten
# from the actual output instead (review the diff before committing).
if(NOT DEFINED RC)
  set(RC 0)
endif()
set(input_opt)
if(STDIN)
  set(input_opt INPUT_FILE ${STDIN})
endif()
set(ENV{NO_COLOR} 1)
string(REPLACE "|" ";" ARGS "${ARGS}")
execute_process(COMMAND ${CLI} ${ARGS}
  WORKING_DIRECTORY ${WORKDIR}
  ${input_opt}
  OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
if(NOT rc STREQUAL RC)
  message(FATAL_ERROR "exit code ${rc}, expected ${RC}\nstdout:\n${out}\nstderr:\n${err}")
endif()
if(STDERR AND NOT err MATCHES "${STDERR}")
  message(FATAL_ERROR "stderr does not match /${STDERR}/:\n${err}")
endif()
if(EXPECTED)
  if("$ENV{ROLESCAN_UPDATE_GOLDEN}" STREQUAL "1")
    file(WRITE ${EXPECTED} "${out}")
    message(STATUS "updated ${EXPECTED}")
  else()
    file(READ ${EXPECTED} want)
    if(NOT out STREQUAL want)
      file(WRITE ${EXPECTED}.actual "${out}")
      execute_process(COMMAND diff -u ${EXPECTED} ${EXPECTED}.actual OUTPUT_VARIABLE d)
      message(FATAL_ERROR "output differs from ${EXPECTED}:\n${d}")
    endif()
  endif()
endif()
