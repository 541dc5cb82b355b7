# Man pages: rolescan(1) and one page per command, generated at build time
# by help2man from the commands' own --help (one source: the text the
# program prints), and rolescan-lexicon(5), kept by hand in docs/man.
# Without help2man (Debian: help2man) the command pages are not built and
# the man test is skipped.
find_program(HELP2MAN help2man)
set(RS_MAN_DIR ${CMAKE_BINARY_DIR}/man)
set(RS_MAN_PAGES)
if(HELP2MAN)
  # name;command words;one-line description
  set(rs_pages
    "rolescan||place resumes and job postings on the engineering career ladder"
    "rolescan-scan|scan|skills and tools found in resumes and postings, with evidence"
    "rolescan-score|score|where a resume stands: rung, closest roles, gaps, next steps"
    "rolescan-classify|classify|batch-classify job postings by track and rung"
    "rolescan-report|report|an HTML gap report for a resume"
    "rolescan-match|match|how well a resume fits job postings, best first"
    "rolescan-roles|roles|the career ladder and its tracks"
    "rolescan-title|title|track, rung and role of job titles"
    "rolescan-lexicon-check|lexicon check|validate a lexicon folder")
  foreach(page ${rs_pages})
    string(REPLACE "|" ";" parts "${page}")
    list(GET parts 0 name)
    list(GET parts 1 words)
    list(GET parts 2 what)
    # help2man runs PROGRAM --help and --version: a small script per command
    file(GENERATE OUTPUT ${RS_MAN_DIR}/bin/${name}
      CONTENT "#!/bin/sh\nexec \"$<TARGET_FILE:rolescan>\" ${words} \"$@\"\n"
      FILE_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE
        WORLD_READ WORLD_EXECUTE)
    add_custom_command(OUTPUT ${RS_MAN_DIR}/${name}.1
      COMMAND ${CMAKE_COMMAND} -E env SOURCE_DATE_EPOCH=1796515200
        ROLESCAN_LEXICONS=${CMAKE_SOURCE_DIR}/lexicons
        ${HELP2MAN} --no-info --no-discard-stderr --section=1
        --version-string=${PROJECT_VERSION} --name=${what}
        --output=${RS_MAN_DIR}/${name}.1 ${RS_MAN_DIR}/bin/${name}
      DEPENDS rolescan
      COMMENT "help2man ${name}.1" VERBATIM)
    list(APPEND RS_MAN_PAGES ${RS_MAN_DIR}/${name}.1)
  endforeach()
  add_custom_target(man ALL DEPENDS ${RS_MAN_PAGES})
  install(FILES ${RS_MAN_PAGES} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
else()
  message(STATUS "help2man not found: the command man pages are not built")
endif()
install(FILES docs/man/rolescan-lexicon.5 DESTINATION ${CMAKE_INSTALL_MANDIR}/man5)
