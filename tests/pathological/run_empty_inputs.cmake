# run_empty_inputs.cmake — inputs with nothing to read (an empty file, only
# white space, only U+FFFD) through the CLI: `rolescan scan` and `rolescan
# score` exit 0, find no skill, and score them out of scope at rung 0 with
# no error; `classify` gives one out-of-scope row each.
#
#   cmake -DROLESCAN=<rolescan> -DSOURCE=<repo> -P tests/pathological/run_empty_inputs.cmake
cmake_minimum_required(VERSION 3.18)
foreach(v ROLESCAN SOURCE)
  if(NOT DEFINED ${v})
    message(FATAL_ERROR "run_empty_inputs.cmake: -D${v}= is required")
  endif()
endforeach()

set(lexicons "${SOURCE}/lexicons")
set(inputs "${SOURCE}/tests/pathological/inputs")
set(failures 0)

foreach(name empty whitespace fffd)
  set(file "${inputs}/${name}.txt")
  if(NOT EXISTS "${file}")
    message(FATAL_ERROR "${file} is missing")
  endif()

  execute_process(COMMAND ${ROLESCAN} scan --lexicons ${lexicons} --format json "${file}"
    RESULT_VARIABLE rc OUTPUT_VARIABLE scan ERROR_VARIABLE err TIMEOUT 60)
  if(NOT rc EQUAL 0)
    message(SEND_ERROR "scan ${name}: exit ${rc}, want 0: ${err}")
    math(EXPR failures "${failures} + 1")
  endif()

  execute_process(COMMAND ${ROLESCAN} score --lexicons ${lexicons} --format json
      --as-of 2026-11 "${file}"
    RESULT_VARIABLE rc OUTPUT_VARIABLE score ERROR_VARIABLE err TIMEOUT 60)
  if(NOT rc EQUAL 0)
    message(SEND_ERROR "score ${name}: exit ${rc}, want 0: ${err}")
    math(EXPR failures "${failures} + 1")
    continue()
  endif()
  if(CMAKE_VERSION VERSION_GREATER_EQUAL 3.19)
    string(JSON status GET "${score}" documents 0 status)
    string(JSON in_scope GET "${score}" documents 0 in_scope)
    string(JSON rung GET "${score}" documents 0 level rung)
    string(JSON skills LENGTH "${scan}" documents 0 skills)
  else()
    string(REGEX MATCH "\"status\": *\"([a-z_]+)\"" _ "${score}")
    set(status "${CMAKE_MATCH_1}")
    string(REGEX MATCH "\"in_scope\": *([a-z]+)" _ "${score}")
    set(in_scope "${CMAKE_MATCH_1}")
    string(REGEX MATCH "\"rung\": *([0-9]+)" _ "${score}")
    set(rung "${CMAKE_MATCH_1}")
    set(skills 0)
    if(scan MATCHES "\"id\": *\"")
      set(skills "some")
    endif()
  endif()
  if(NOT status STREQUAL "ok" OR NOT in_scope STREQUAL "OFF" AND NOT in_scope STREQUAL "false"
     OR NOT rung EQUAL 0 OR NOT skills STREQUAL "0")
    message(SEND_ERROR "${name}: status ${status}, in_scope ${in_scope}, rung ${rung}, "
                       "skills ${skills}; want ok, false, 0, 0")
    math(EXPR failures "${failures} + 1")
  else()
    message(STATUS "${name}: exit 0, no skill, out of scope, rung 0")
  endif()
endforeach()

# classify: one row per input, each out of scope, none an error
execute_process(COMMAND ${ROLESCAN} classify --lexicons ${lexicons} --format jsonl -j 1
    "${inputs}/empty.txt" "${inputs}/whitespace.txt" "${inputs}/fffd.txt"
  RESULT_VARIABLE rc OUTPUT_VARIABLE rows ERROR_VARIABLE err TIMEOUT 60)
string(REGEX MATCHALL "\"status\":\"out_of_scope\"" out_of_scope "${rows}")
list(LENGTH out_of_scope n)
if(NOT rc EQUAL 0 OR NOT n EQUAL 3)
  message(SEND_ERROR "classify: exit ${rc}, ${n} out-of-scope rows; want 0 and 3: ${rows}${err}")
  math(EXPR failures "${failures} + 1")
endif()

if(failures)
  message(FATAL_ERROR "${failures} empty-input check(s) failed")
endif()
