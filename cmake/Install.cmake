# `cmake --install` (and `make install PREFIX=…`): the binary, its man page,
# bash and zsh completions and the documentation, at the GNUInstallDirs
# places. docs/install.md lists them; tests/install/manifest.txt is the
# exact list a test checks.
#
# The man page and completions are generated at build time by
# plancheck-docgen (src/docgen/), which walks the same CLI11 app as --help:
# a new command or option reaches them with the next build.
add_executable(plancheck-docgen
  ${PROJECT_SOURCE_DIR}/src/docgen/main.cpp
  ${PROJECT_SOURCE_DIR}/src/docgen/model.cpp
  ${PROJECT_SOURCE_DIR}/src/docgen/manpage.cpp
  ${PROJECT_SOURCE_DIR}/src/docgen/completion.cpp)
target_link_libraries(plancheck-docgen PRIVATE plancheck_cli plancheck_settings)

set(PLANCHECK_MAN_PAGE ${PROJECT_BINARY_DIR}/share/man/plancheck.1)
set(PLANCHECK_BASH_COMPLETION ${PROJECT_BINARY_DIR}/share/bash-completion/plancheck)
set(PLANCHECK_ZSH_COMPLETION ${PROJECT_BINARY_DIR}/share/zsh/_plancheck)
# The docs' place is named in the man page: a change of prefix regenerates it.
file(CONFIGURE OUTPUT ${PROJECT_BINARY_DIR}/share/docdir.txt CONTENT "${CMAKE_INSTALL_FULL_DOCDIR}\n")
add_custom_command(
  OUTPUT ${PLANCHECK_MAN_PAGE} ${PLANCHECK_BASH_COMPLETION} ${PLANCHECK_ZSH_COMPLETION}
  COMMAND ${CMAKE_COMMAND} -E make_directory ${PROJECT_BINARY_DIR}/share/man ${PROJECT_BINARY_DIR}/share/bash-completion
          ${PROJECT_BINARY_DIR}/share/zsh
  COMMAND plancheck-docgen man ${CMAKE_INSTALL_FULL_DOCDIR} ${PLANCHECK_MAN_PAGE}
  COMMAND plancheck-docgen bash ${PLANCHECK_BASH_COMPLETION}
  COMMAND plancheck-docgen zsh ${PLANCHECK_ZSH_COMPLETION}
  DEPENDS plancheck-docgen ${PROJECT_BINARY_DIR}/share/docdir.txt
  COMMENT "Generating the man page and shell completions of plancheck"
  VERBATIM)
add_custom_target(plancheck_docs ALL DEPENDS ${PLANCHECK_MAN_PAGE} ${PLANCHECK_BASH_COMPLETION} ${PLANCHECK_ZSH_COMPLETION})

install(TARGETS plancheck RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES ${PLANCHECK_MAN_PAGE} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${PLANCHECK_BASH_COMPLETION} DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions)
# Debian's zsh reads vendor-completions (zsh upstream's site-functions is
# for the local administrator).
install(FILES ${PLANCHECK_ZSH_COMPLETION} DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions)
install(FILES ${PROJECT_SOURCE_DIR}/README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/docs ${PROJECT_SOURCE_DIR}/plans ${PROJECT_SOURCE_DIR}/examples
        DESTINATION ${CMAKE_INSTALL_DOCDIR})
