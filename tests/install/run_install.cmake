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

# The examples build the same way and run against the installed library
# and lexicons: a string's skills, and a resume's rung with its evidence.
set(lexdir ${prefix}/share/rolescan/lexicons)
foreach(ex scan_string score_file)
  execute_process(COMMAND ${CC} ${SOURCE}/examples/${ex}.c ${flags} -o ${WORK}/${ex}
    RESULT_VARIABLE rc ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "example ${ex} did not build:\n${err}")
  endif()
endforeach()
execute_process(COMMAND ${WORK}/scan_string ${lexdir} "Backend in Python and Go on Amazon EKS."
  OUTPUT_VARIABLE out RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0 OR NOT out MATCHES "python \\(column 12\\)" OR NOT out MATCHES "aws \\(implied by aws-eks\\)")
  message(FATAL_ERROR "scan_string example (${rc}):\n${out}${err}")
endif()
execute_process(COMMAND ${WORK}/score_file ${lexdir} ${SOURCE}/samples/resumes/03-senior-backend.txt
  OUTPUT_VARIABLE out RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0 OR NOT out MATCHES "^rung 3 \\(Senior Backend Developer\\)"
   OR NOT out MATCHES "title +Senior Backend Software Engineer +\\(line 17\\) +-> rung 3")
  message(FATAL_ERROR "score_file example (${rc}):\n${out}${err}")
endif()
execute_process(COMMAND ${WORK}/score_file ${lexdir} ${WORK}/no-such-file.txt
  OUTPUT_VARIABLE out RESULT_VARIABLE rc ERROR_VARIABLE err)
if(rc EQUAL 0 OR NOT err MATCHES "no-such-file.txt")
  message(FATAL_ERROR "score_file on a missing file should fail naming it (${rc}): ${err}")
endif()

# find_package(rolescan) from the installed prefix: rolescan::rolescan
# builds and runs the same consumer, the generated version header agrees
# with the library, and the package names the installed lexicons.
set(fp ${WORK}/find_package)
execute_process(COMMAND ${CMAKE_COMMAND} -S ${SOURCE}/tests/install/find_package -B ${fp}
  -DCMAKE_PREFIX_PATH=${prefix} -DCMAKE_C_COMPILER=${CC}
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "find_package(rolescan) failed:\n${out}${err}")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} --build ${fp} RESULT_VARIABLE rc
  OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "the find_package consumer did not build:\n${out}${err}")
endif()
file(READ ${fp}/lexicon_dir.txt fp_lexdir)
execute_process(COMMAND ${fp}/consumer ${fp_lexdir}
  OUTPUT_VARIABLE out RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0 OR NOT out MATCHES "kubernetes")
  message(FATAL_ERROR "find_package consumer failed (${rc}): ${out} ${err}")
endif()
execute_process(COMMAND ${fp}/version OUTPUT_VARIABLE out RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "rolescan_version.h disagrees with the library: ${out}")
endif()
