set(HALL_WARNING_FLAGS -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion
                       -Wnon-virtual-dtor -Wold-style-cast)
if(HALL_WARNINGS_AS_ERRORS)
  list(APPEND HALL_WARNING_FLAGS -Werror)
endif()

# hall_target_warnings(<target>): the project's warning set, fatal when HALL_WARNINGS_AS_ERRORS.
function(hall_target_warnings target)
  target_compile_options(${target} PRIVATE ${HALL_WARNING_FLAGS})
endfunction()

# hall_source_warnings(<target> <source>...): the same set on the named sources of <target> only.
# For QML modules: the C++ that qmlcachegen and qmltyperegistrar generate into the same target
# does not pass -Wshadow, and it is not ours to fix.
function(hall_source_warnings target)
  set_source_files_properties(${ARGN} TARGET_DIRECTORY ${target}
                              PROPERTIES COMPILE_OPTIONS "${HALL_WARNING_FLAGS}")
endfunction()
