# cmake -DSOURCE_DIR=<tree> -P check_layers.cmake
#
# Fails when a source file includes a header its layer may not see
# (layer_rules.cmake), naming every such include.
include(${CMAKE_CURRENT_LIST_DIR}/layer_rules.cmake)

set(violations "")
list(LENGTH JIXIAO_LAYER_RULES rule_count)
math(EXPR last "${rule_count} - 1")
foreach(i RANGE 0 ${last} 2)
  math(EXPR j "${i} + 1")
  list(GET JIXIAO_LAYER_RULES ${i} folder)
  list(GET JIXIAO_LAYER_RULES ${j} forbidden)
  file(GLOB_RECURSE sources RELATIVE ${SOURCE_DIR}
    ${SOURCE_DIR}/${folder}/*.h ${SOURCE_DIR}/${folder}/*.cc ${SOURCE_DIR}/${folder}/*.in)
  foreach(source IN LISTS sources)
    file(STRINGS ${SOURCE_DIR}/${source} includes REGEX "^[ \t]*#[ \t]*include[ \t]+\"")
    foreach(line IN LISTS includes)
      string(REGEX REPLACE "^[ \t]*#[ \t]*include[ \t]+\"([^\"]+)\".*" "\\1" header "${line}")
      if(header MATCHES "${forbidden}")
        string(APPEND violations "\n  ${source} includes ${header} (${folder} may not)")
      endif()
    endforeach()
  endforeach()
endforeach()

if(violations)
  message(FATAL_ERROR "layer check: includes across layers:${violations}\n"
                      "See cmake/layer_rules.cmake and docs/architecture.md.")
endif()
