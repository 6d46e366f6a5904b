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
set(CPACK_PACKAGE_CONTACT "tendo maintainers <tendo@localhost>")
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
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS ON)       # a shlibs file and the ldconfig trigger
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS_POLICY ">=")
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

include(CPack)
