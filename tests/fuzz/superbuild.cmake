# Main-tree side of the fuzz targets (included from tests/CMakeLists.txt, after every library is
# defined). When clang++ with libFuzzer is available (scripts/bootstrap.sh installs clang and
# libclang-rt-14-dev), tests/fuzz is configured with it as an ExternalProject, built with the
# main tree, and each target of tests/fuzz/targets.cmake gets a CTest entry that fuzzes it for
# ~10 s from its seed corpus. Without libFuzzer the targets are skipped with a message.

option(HALL_FUZZ "Build the libFuzzer targets (needs clang++ and libFuzzer)" ON)
set(HALL_FUZZ_SECONDS 10 CACHE STRING "How long each fuzz target runs under CTest")
set(HALL_FUZZ_JOBS 2 CACHE STRING "Parallel jobs of the fuzz sub-build (the machine is shared)")

set(_fuzz_src ${CMAKE_CURRENT_LIST_DIR})
set(_fuzz_bin ${CMAKE_BINARY_DIR}/tests/fuzz)

# Is there a clang++ that links a libFuzzer target? Probed once per compiler and remembered.
function(_hall_fuzz_probe out)
  find_program(HALL_FUZZ_CXX NAMES clang++ clang++-16 clang++-15 clang++-14
               DOC "clang++ used for the libFuzzer targets")
  if(NOT HALL_FUZZ_CXX)
    set(${out} FALSE PARENT_SCOPE)
    return()
  endif()
  if(HALL_FUZZ_PROBED_CXX STREQUAL HALL_FUZZ_CXX AND HALL_FUZZ_PROBE_OK)
    set(${out} TRUE PARENT_SCOPE)
    return()
  endif()
  set(probe_dir ${_fuzz_bin}/probe)
  file(MAKE_DIRECTORY ${probe_dir})
  file(WRITE ${probe_dir}/probe.cpp
       "#include <cstddef>\n#include <cstdint>\n"
       "extern \"C\" int LLVMFuzzerTestOneInput(const std::uint8_t*, std::size_t) { return 0; }\n")
  execute_process(
    COMMAND ${HALL_FUZZ_CXX} -std=c++20 -fsanitize=fuzzer,address,undefined
            ${probe_dir}/probe.cpp -o ${probe_dir}/probe
    RESULT_VARIABLE rc OUTPUT_QUIET ERROR_QUIET)
  if(rc EQUAL 0)
    set(ok TRUE)
  else()
    set(ok FALSE)
  endif()
  set(HALL_FUZZ_PROBED_CXX ${HALL_FUZZ_CXX} CACHE INTERNAL "")
  set(HALL_FUZZ_PROBE_OK ${ok} CACHE INTERNAL "")
  set(${out} ${ok} PARENT_SCOPE)
endfunction()

# Adds lib (a main-tree library) and the hall_* libraries it links to the manifest.
function(_hall_fuzz_collect lib)
  get_property(done GLOBAL PROPERTY _hall_fuzz_libs)
  if(lib IN_LIST done)
    return()
  endif()
  set_property(GLOBAL APPEND PROPERTY _hall_fuzz_libs ${lib})
  if(NOT TARGET ${lib})
    message(FATAL_ERROR "tests/fuzz/targets.cmake: ${lib} is not a target of the main tree")
  endif()
  get_target_property(type ${lib} TYPE)
  if(NOT type MATCHES "^(STATIC_LIBRARY|OBJECT_LIBRARY)$")
    message(FATAL_ERROR "tests/fuzz/targets.cmake: ${lib} is a ${type}, not a static library")
  endif()
  get_target_property(dir ${lib} SOURCE_DIR)
  get_target_property(sources ${lib} SOURCES)
  set(files)
  foreach(s IN LISTS sources)
    if(s MATCHES "\\.(cpp|cc|cxx)$")
      if(NOT IS_ABSOLUTE ${s})
        set(s ${dir}/${s})
      endif()
      list(APPEND files ${s})
    endif()
  endforeach()
  get_target_property(links ${lib} LINK_LIBRARIES)
  set(deps)
  foreach(l IN LISTS links)
    if(TARGET ${l})
      get_target_property(imported ${l} IMPORTED)
      if(NOT imported)
        list(APPEND deps ${l})
      endif()
    endif()
  endforeach()
  set_property(GLOBAL APPEND_STRING PROPERTY _hall_fuzz_manifest
               "set(HALL_FUZZ_SOURCES_${lib} \"${files}\")\nset(HALL_FUZZ_DEPS_${lib} \"${deps}\")\n")
  foreach(d IN LISTS deps)
    _hall_fuzz_collect(${d})
  endforeach()
endfunction()

# The main tree's reading of a targets.cmake line: remember the target, collect its libraries.
function(hall_fuzz_target name harness)
  cmake_parse_arguments(PARSE_ARGV 2 FUZZ "" "" "LIBS")
  set_property(GLOBAL APPEND PROPERTY _hall_fuzz_targets ${name})
  foreach(lib IN LISTS FUZZ_LIBS)
    _hall_fuzz_collect(${lib})
  endforeach()
endfunction()

if(HALL_FUZZ)
  _hall_fuzz_probe(_fuzz_ok)
  if(NOT _fuzz_ok)
    message(STATUS "libFuzzer not found (clang++ with -fsanitize=fuzzer): fuzz targets skipped; "
                   "scripts/bootstrap.sh installs clang and libclang-rt-14-dev")
  else()
    message(STATUS "Fuzz targets: built with ${HALL_FUZZ_CXX}")
    include(${_fuzz_src}/targets.cmake)
    get_property(_fuzz_targets GLOBAL PROPERTY _hall_fuzz_targets)
    get_property(_fuzz_manifest GLOBAL PROPERTY _hall_fuzz_manifest)
    # Rewritten only when it changes, so the sub-build reconfigures only when it must.
    file(CONFIGURE OUTPUT ${_fuzz_bin}/manifest.cmake CONTENT "${_fuzz_manifest}" @ONLY)

    set(_fuzz_build ${_fuzz_bin}/build)
    set(_fuzz_args
        -DCMAKE_CXX_COMPILER=${HALL_FUZZ_CXX}
        -DHALL_FUZZ_MANIFEST=${_fuzz_bin}/manifest.cmake
        -DHALL_SOURCE_DIR=${PROJECT_SOURCE_DIR})
    if(CCACHE_PROGRAM)
      list(APPEND _fuzz_args -DCMAKE_CXX_COMPILER_LAUNCHER=${CCACHE_PROGRAM})
    endif()
    set(_fuzz_byproducts)
    foreach(t IN LISTS _fuzz_targets)
      list(APPEND _fuzz_byproducts ${_fuzz_build}/${t})
    endforeach()

    include(ExternalProject)
    ExternalProject_Add(hall_fuzz
      SOURCE_DIR ${_fuzz_src}
      BINARY_DIR ${_fuzz_build}
      PREFIX ${_fuzz_bin}/ep
      CMAKE_ARGS ${_fuzz_args}
      BUILD_COMMAND ${CMAKE_COMMAND} --build ${_fuzz_build} --parallel ${HALL_FUZZ_JOBS}
      BUILD_ALWAYS ON
      INSTALL_COMMAND ""
      BUILD_BYPRODUCTS ${_fuzz_byproducts})

    foreach(t IN LISTS _fuzz_targets)
      # New inputs go to a corpus in the build tree; the checked-in seeds are only read.
      file(MAKE_DIRECTORY ${_fuzz_bin}/corpus/${t} ${_fuzz_bin}/artifacts)
      add_test(NAME fuzz_${t}
               COMMAND ${_fuzz_build}/${t} -max_total_time=${HALL_FUZZ_SECONDS} -timeout=10
                       -rss_limit_mb=2048 -print_final_stats=1
                       -artifact_prefix=${_fuzz_bin}/artifacts/${t}-
                       ${_fuzz_bin}/corpus/${t} ${_fuzz_src}/corpus/${t}
               WORKING_DIRECTORY ${_fuzz_bin})
      set_tests_properties(fuzz_${t} PROPERTIES TIMEOUT 120 LABELS fuzz)
    endforeach()
  endif()
endif()
