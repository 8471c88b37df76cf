# cmake -DTS_FILE=<file.ts> -P check_ts_complete.cmake
# A zh_CN translation file is complete: it has messages, none "unfinished" or empty, and none
# left "vanished"/"obsolete" from strings that no longer exist.
file(READ "${TS_FILE}" ts)
string(REGEX MATCHALL "<message[ >]" messages "${ts}")
list(LENGTH messages count)
if(count EQUAL 0)
  message(FATAL_ERROR "${TS_FILE}: no messages")
endif()
foreach(bad IN ITEMS "type=\"unfinished\"" "type=\"vanished\"" "type=\"obsolete\"" "<translation></translation>" "<translation/>")
  string(FIND "${ts}" "${bad}" at)
  if(NOT at EQUAL -1)
    message(FATAL_ERROR "${TS_FILE}: contains ${bad} — run update_translations and translate")
  endif()
endforeach()
message(STATUS "${TS_FILE}: ${count} messages, all translated")
