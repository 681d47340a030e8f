# jixiao_embed_text(<sources variable> NAMESPACE ns FUNCTION name FILE path):
# a data file kept as a file of its own (a Lua script, a vocabulary) and
# compiled into the library that reads it, as `std::string_view ns::name()`.
# CMake configures again when the file changes, so a build picks up an edit.
function(jixiao_embed_text sources)
  cmake_parse_arguments(ARG "" "NAMESPACE;FUNCTION;FILE" "" ${ARGN})
  set(path ${CMAKE_CURRENT_SOURCE_DIR}/${ARG_FILE})
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${path})
  file(READ ${path} JIXIAO_EMBED_TEXT)
  if(JIXIAO_EMBED_TEXT MATCHES "\\)jixiao_embedded\"")
    message(FATAL_ERROR "${ARG_FILE} holds the raw-string delimiter )jixiao_embedded\"")
  endif()
  file(RELATIVE_PATH JIXIAO_EMBED_SOURCE ${PROJECT_SOURCE_DIR} ${path})
  set(JIXIAO_EMBED_NAMESPACE ${ARG_NAMESPACE})
  set(JIXIAO_EMBED_FUNCTION ${ARG_FUNCTION})
  set(output ${CMAKE_CURRENT_BINARY_DIR}/embedded/${ARG_FUNCTION}.cc)
  configure_file(${PROJECT_SOURCE_DIR}/cmake/embedded_text.cc.in ${output} @ONLY)
  list(APPEND ${sources} ${output})
  set(${sources} ${${sources}} PARENT_SCOPE)
endfunction()
