# plancheck --version: the project version (project(VERSION), the
# PLANCHECK_VERSION definition) and the git description of the checkout it
# was built from. The description is taken again at every build (a commit
# or an edit changes it without re-running CMake) by cmake/GitDescribe.cmake,
# which only rewrites its source when the text changed.
set(PLANCHECK_GIT_DESCRIPTION_CPP ${PROJECT_BINARY_DIR}/generated/git_description.cpp)
set(_describe ${CMAKE_COMMAND} -DSOURCE_DIR=${PROJECT_SOURCE_DIR} -DOUTPUT=${PLANCHECK_GIT_DESCRIPTION_CPP}
    -P ${PROJECT_SOURCE_DIR}/cmake/GitDescribe.cmake)
execute_process(COMMAND ${_describe})  # the source exists from the first configure on
add_custom_target(plancheck_git_description COMMAND ${_describe} BYPRODUCTS ${PLANCHECK_GIT_DESCRIPTION_CPP} VERBATIM)
add_library(plancheck_version STATIC ${PLANCHECK_GIT_DESCRIPTION_CPP})
add_dependencies(plancheck_version plancheck_git_description)
target_include_directories(plancheck_version PRIVATE ${PROJECT_SOURCE_DIR}/src)
target_compile_definitions(plancheck_version PRIVATE PLANCHECK_VERSION="${PROJECT_VERSION}")
