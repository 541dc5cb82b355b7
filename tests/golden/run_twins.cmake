# The same resume in UTF-8, Windows-1252, UTF-16LE and UTF-16BE must give
# the same skills at the same places: only the header line (name and
# encoding) and the decoder's warning may differ.
set(ENV{NO_COLOR} 1)
set(first)
foreach(f ${FILES})
  execute_process(COMMAND ${CLI} scan --all-evidence -q ${f} WORKING_DIRECTORY ${WORKDIR}
    OUTPUT_VARIABLE out RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${f}: exit code ${rc}")
  endif()
  string(REGEX REPLACE "^[^\n]*\n" "" out "${out}")
  string(REGEX REPLACE "  warning: [^\n]*\n" "" out "${out}")
  if(NOT first)
    set(first "${out}")
    set(first_name ${f})
    if(NOT out MATCHES "Python")
      message(FATAL_ERROR "${f}: expected skills, got:\n${out}")
    endif()
  elseif(NOT out STREQUAL first)
    message(FATAL_ERROR "${f} differs from ${first_name}:\n${out}\n---\n${first}")
  endif()
endforeach()
