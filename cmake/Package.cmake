# A Debian package (cpack -G DEB in a build configured with
# -DCMAKE_INSTALL_PREFIX=/usr): the program, the shared library, headers,
# pkg-config and CMake files, lexicons, schemas, man pages, completions and
# docs. dpkg-shlibdeps works out the libraries it links (libpcre2, libxml2,
# libutf8proc, libyajl); libzip and Poppler, opened only when a DOCX, ODT or
# PDF comes, are recommended.
set(CPACK_PACKAGE_NAME rolescan)
set(CPACK_PACKAGE_VENDOR "the rolescan authors")
set(CPACK_PACKAGE_CONTACT "the rolescan authors")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
  "place resumes and job postings on the engineering career ladder")
set(CPACK_PACKAGE_DESCRIPTION
  "rolescan reads resumes and job postings (text, Markdown, HTML, JSON Lines, DOCX, ODT, PDF), finds the skills and tools they name, places them on the engineering career ladder and reports the closest roles, the gaps and next-level advice, as text, JSON, CSV or an HTML report.")
set(CPACK_RESOURCE_FILE_LICENSE ${CMAKE_SOURCE_DIR}/LICENSE)
set(CPACK_GENERATOR DEB)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "libzip4, libpoppler-glib8")
include(CPack)
