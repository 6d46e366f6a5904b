# packaging.cmake - the Debian packages of make deb (CPack, DEB generator).
#
# Two packages from the two install components (CMakeLists.txt):
#   tendo      the command, libtendo.so.0, man page, completions; Depends computed by
#              dpkg-shlibdeps from the shared libraries the ELF files link
#   tendo-dev  headers, libtendo.so, libtendo.a, tendo.pc; Depends on tendo and the
#              -dev packages tendo.pc names in Requires.private
# Configure with -DCMAKE_INSTALL_PREFIX=/usr (make deb does) so the library lands in
# the multiarch directory and the command carries no RPATH.
set(CPACK_PACKAGE_NAME tendo)
set(CPACK_PACKAGE_VENDOR "tendo")
# each package's synopsis is the first line of its description (a summary set here
# would be put in front of both)
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "")
set(CPACK_PACKAGE_CONTACT "tendo maintainers <maintainers@tendo.example.org>")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_PACKAGING_INSTALL_PREFIX ${CMAKE_INSTALL_PREFIX})
set(CPACK_GENERATOR DEB)
set(CPACK_SOURCE_GENERATOR TGZ)
set(CPACK_SOURCE_IGNORE_FILES "/\\\\.git/" "/build[^/]*/" "/rel/" "\\\\.db$")

set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL Runtime Development)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)            # tendo_0.1.0_amd64.deb
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)

set(CPACK_DEBIAN_RUNTIME_PACKAGE_NAME tendo)
set(CPACK_DEBIAN_RUNTIME_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_RUNTIME_PACKAGE_SHLIBDEPS ON)
# dates are local days read through /usr/share/zoneinfo (src/lib/util/date.c)
set(CPACK_DEBIAN_RUNTIME_PACKAGE_DEPENDS "tzdata")
# our own shlibs file and the ldconfig trigger (CPack's GENERATE_SHLIBS would call
# ldconfig from postinst/postrm instead)
set(TENDO_DEB_DIR ${PROJECT_BINARY_DIR}/deb)
file(WRITE ${TENDO_DEB_DIR}/shlibs
     "libtendo ${PROJECT_VERSION_MAJOR} tendo (>= ${PROJECT_VERSION}-1)\n")
file(WRITE ${TENDO_DEB_DIR}/triggers "activate-noawait ldconfig\n")
set(CPACK_DEBIAN_RUNTIME_PACKAGE_CONTROL_EXTRA "${TENDO_DEB_DIR}/shlibs;${TENDO_DEB_DIR}/triggers")
set(CPACK_DEBIAN_RUNTIME_PACKAGE_CONTROL_STRICT_PERMISSION TRUE)
set(CPACK_STRIP_FILES ON)
# first line the synopsis, then the long description (CPack indents it)
set(CPACK_DEBIAN_RUNTIME_DESCRIPTION
"${PROJECT_DESCRIPTION}
tendo keeps a runner's rehab log for proximal hamstring tendinopathy (pain
scores, rehab, runs, readiness tests, aggravators) in a local SQLite database
and says what to do today, what not to do, and why, naming the rules and
their sources. It is not a diagnosis.")

set(CPACK_DEBIAN_DEVELOPMENT_PACKAGE_NAME tendo-dev)
set(CPACK_DEBIAN_DEVELOPMENT_PACKAGE_SECTION libdevel)
set(CPACK_DEBIAN_DEVELOPMENT_PACKAGE_DEPENDS
    "tendo (= ${PROJECT_VERSION}-1), libsqlite3-dev, libarchive-dev, zlib1g-dev, libexpat1-dev, libical-dev")
set(CPACK_DEBIAN_DEVELOPMENT_DESCRIPTION
"libtendo development files
The headers, pkg-config file (tendo.pc) and static library of libtendo, the
library under the tendo command.")

# With -DTENDO_DEB_DOCS=ON (make deb), what Debian policy asks of every package:
# man pages gzip -9n, /usr/share/doc/PACKAGE/copyright and changelog.Debian.gz.
if(TENDO_DEB_DOCS)
  find_program(GZIP gzip REQUIRED)
  set(gzipped "")
  foreach(man ${TENDO_MAN1})
    get_filename_component(name ${man} NAME)
    add_custom_command(OUTPUT ${TENDO_DEB_DIR}/${name}.gz
      COMMAND ${GZIP} -9n -c ${man} > ${TENDO_DEB_DIR}/${name}.gz
      DEPENDS ${man} VERBATIM)
    list(APPEND gzipped ${TENDO_DEB_DIR}/${name}.gz)
  endforeach()
  # the LICENSE's MIT text as a machine-readable copyright file (Expat is MIT)
  file(READ ${PROJECT_SOURCE_DIR}/LICENSE licence)
  string(REGEX REPLACE ".*(Permission is hereby.*SOFTWARE\\.).*" "\\1" terms "${licence}")
  string(REPLACE "\n\n" "\n.\n" terms "${terms}")
  string(REPLACE "\n" "\n " terms "${terms}")
  string(TIMESTAMP now "%a, %d %b %Y %H:%M:%S +0000" UTC)
  foreach(pkg tendo tendo-dev)
    file(WRITE ${TENDO_DEB_DIR}/${pkg}/copyright
"Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: tendo
Comment: tests/data in the source are other projects' files under their own licences
 (tests/data/SOURCES.md); none of them is in this package.

Files: *
Copyright: 2026 the tendo authors
License: Expat
 ${terms}
")
    file(WRITE ${TENDO_DEB_DIR}/${pkg}/changelog.Debian
"${pkg} (${PROJECT_VERSION}-1) unstable; urgency=medium

  * Built by make deb (CPack) from the tendo sources.

 -- ${CPACK_PACKAGE_CONTACT}  ${now}
")
    add_custom_command(OUTPUT ${TENDO_DEB_DIR}/${pkg}/changelog.Debian.gz
      COMMAND ${GZIP} -9n -c ${TENDO_DEB_DIR}/${pkg}/changelog.Debian > ${TENDO_DEB_DIR}/${pkg}/changelog.Debian.gz
      DEPENDS ${TENDO_DEB_DIR}/${pkg}/changelog.Debian VERBATIM)
    list(APPEND gzipped ${TENDO_DEB_DIR}/${pkg}/changelog.Debian.gz)
  endforeach()
  add_custom_target(tendo_deb_docs ALL DEPENDS ${gzipped})
  foreach(man ${TENDO_MAN1})
    get_filename_component(name ${man} NAME)
    install(FILES ${TENDO_DEB_DIR}/${name}.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 COMPONENT Runtime)
  endforeach()
  install(FILES ${TENDO_DEB_DIR}/tendo/copyright ${TENDO_DEB_DIR}/tendo/changelog.Debian.gz
          DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/tendo COMPONENT Runtime)
  install(FILES ${TENDO_DEB_DIR}/tendo-dev/copyright ${TENDO_DEB_DIR}/tendo-dev/changelog.Debian.gz
          DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/tendo-dev COMPONENT Development)
endif()

include(CPack)
