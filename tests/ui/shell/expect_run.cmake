# cmake -DCOMMAND=<list> -DEXPECT=success|failure [-DOUTPUT_MATCHES=<regex>;...] -P expect_run.cmake
# Runs COMMAND and checks its exit status and that its output (stdout + stderr) matches every
# regular expression given — how the tests prove the self-test passes, or fails naming a file.
if(NOT DEFINED COMMAND OR NOT DEFINED EXPECT)
  message(FATAL_ERROR "expect_run.cmake needs COMMAND and EXPECT")
endif()
execute_process(COMMAND ${COMMAND} RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err
                TIMEOUT 120)
set(all "${out}${err}")
if(EXPECT STREQUAL "success" AND NOT status EQUAL 0)
  message(FATAL_ERROR "expected success, got exit status '${status}':\n${all}")
elseif(EXPECT STREQUAL "failure" AND (status EQUAL 0 OR NOT status MATCHES "^[0-9]+$"))
  # A crash ("Segmentation fault") is not the clean failure the self-test must report.
  message(FATAL_ERROR "expected a non-zero exit, got '${status}':\n${all}")
endif()
foreach(pattern IN LISTS OUTPUT_MATCHES)
  if(NOT all MATCHES "${pattern}")
    message(FATAL_ERROR "output does not match '${pattern}':\n${all}")
  endif()
endforeach()
message(STATUS "ok (exit ${status})")
