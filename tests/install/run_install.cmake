# cmake --install into a scratch prefix, then use only what was installed:
# the CLI finds its lexicons with no flags from another folder, and a
# consumer program builds with pkg-config and links the shared library.
set(prefix ${WORK}/prefix)
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK}/elsewhere)
execute_process(COMMAND ${CMAKE_COMMAND} --install ${BUILD} --prefix ${prefix}
  RESULT_VARIABLE rc OUTPUT_QUIET)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "cmake --install failed")
endif()
foreach(f bin/rolescan include/rolescan.h share/rolescan/lexicons/skills-languages.xml)
  if(NOT EXISTS ${prefix}/${f})
    message(FATAL_ERROR "not installed: ${f}")
  endif()
endforeach()
file(GLOB pc ${prefix}/lib*/pkgconfig/rolescan.pc ${prefix}/lib/*/pkgconfig/rolescan.pc)
if(NOT pc)
  message(FATAL_ERROR "rolescan.pc not installed")
endif()
get_filename_component(pcdir ${pc} DIRECTORY)

set(ENV{ROLESCAN_LEXICONS} "")
execute_process(COMMAND ${prefix}/bin/rolescan lexicon check WORKING_DIRECTORY ${WORK}/elsewhere
  OUTPUT_VARIABLE out RESULT_VARIABLE rc)
if(NOT rc EQUAL 0 OR NOT out MATCHES "lexicon ${prefix}/share/rolescan/lexicons: valid")
  message(FATAL_ERROR "installed rolescan did not find its lexicons (${rc}):\n${out}")
endif()

set(ENV{PKG_CONFIG_PATH} ${pcdir})
execute_process(COMMAND pkg-config --cflags --libs rolescan OUTPUT_VARIABLE flags
  RESULT_VARIABLE rc OUTPUT_STRIP_TRAILING_WHITESPACE)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "pkg-config does not know rolescan")
endif()
separate_arguments(flags UNIX_COMMAND "${flags}")
execute_process(COMMAND ${CC} ${SOURCE}/tests/install/consumer.c ${flags} -o ${WORK}/consumer
  RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "consumer did not build:\n${err}")
endif()
get_filename_component(libdir ${pcdir} DIRECTORY)
set(ENV{LD_LIBRARY_PATH} ${libdir})
execute_process(COMMAND ${WORK}/consumer ${prefix}/share/rolescan/lexicons
  OUTPUT_VARIABLE out RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0 OR NOT out MATCHES "python" OR NOT out MATCHES "kubernetes")
  message(FATAL_ERROR "consumer failed (${rc}): ${out} ${err}")
endif()
