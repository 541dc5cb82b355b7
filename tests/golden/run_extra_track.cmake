# A track added as data only: the shipped lexicons and one more roles file
# (tests/data/extra-track) in a fresh folder; title, score and classify
# must all use the new track. Inputs: CLI, SOURCE, WORK.
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK}/lexicons)
file(GLOB shipped ${SOURCE}/lexicons/*.xml)
file(COPY ${shipped} ${SOURCE}/tests/data/extra-track/gamedev.xml
     DESTINATION ${WORK}/lexicons)
file(WRITE ${WORK}/resume.txt "Alex Doe\nSenior Game Developer\n\nExperience\nSenior Game Developer, Pixel Forge, 2019 - Present\nBuilt gameplay systems in C# and C++; wrote code reviewed by the team.\n")

function(expect what regex command)
  execute_process(COMMAND ${CLI} ${command} --lexicons ${WORK}/lexicons ${ARGN}
    OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0 OR NOT out MATCHES "${regex}")
    message(FATAL_ERROR "${what}: rc ${rc}, want /${regex}/\n${out}\n${err}")
  endif()
endfunction()

expect("title" "gamedev\t3\tgameplay-senior" title "Senior Game Developer")
expect("score" "Senior Gameplay Programmer \\(Game development\\)" score --as-of 2026-11
  ${WORK}/resume.txt)
expect("classify" "\"track\":\"gamedev\"" classify --format jsonl ${WORK}/resume.txt)
