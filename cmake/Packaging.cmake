# `make deb`: a Debian package of what `cmake --install` installs (docs/install.md).
# dpkg-shlibdeps computes Depends from the libraries the binary links, so the
# package asks for exactly the runtime libraries of the build machine's Debian.
set(PLANCHECK_DEB_MAINTAINER "plancheck developers <plancheck@example.org>"
    CACHE STRING "The Maintainer field of the Debian package: set it to the person or team who publishes it")

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME plancheck)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "check public development plans against their targets")
# CPack writes the summary as the Description's first line and indents this.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "plancheck reads YAML plan files of Vietnamese communes, districts and\ncities (education development plans 2025-2030: enrolment rates, schools at\nthe national standard, ceilings, tasks and budget lines) with their actual\nfigures (YAML, CSV, xlsx, ods, xls), and reports attainment, gaps,\nprojections and statuses for officials and CI jobs: terminal tables, JSON,\nCSV, Markdown, JUnit, GitHub annotations, HTML and xlsx reports.")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # plancheck_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${PLANCHECK_DEB_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Completion and man pages are used when present; nothing to run at install
# time, so no maintainer scripts.
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "bash-completion, man-db")
include(CPack)
