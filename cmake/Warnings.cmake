# One place for the warning flags every target gets.
include(CheckCCompilerFlag)
set(RS_WARNING_FLAGS)
foreach(flag -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes
             -Wmissing-prototypes -Wpointer-arith -Wformat=2 -Wundef
             -Wcast-align -Wwrite-strings -Wvla -Wnull-dereference)
  string(MAKE_C_IDENTIFIER "RS_HAS${flag}" var)
  check_c_compiler_flag(${flag} ${var})
  if(${var})
    list(APPEND RS_WARNING_FLAGS ${flag})
  endif()
endforeach()
if(RS_WERROR)
  list(APPEND RS_WARNING_FLAGS -Werror)
endif()

# In a Release build (what is installed and packaged), paths in __FILE__
# and the debug information are relative to the source tree: no build
# machine's folder in the binary. Other builds keep them whole for gdb and
# coverage.
check_c_compiler_flag("-ffile-prefix-map=a=b" RS_HAS_FILE_PREFIX_MAP)
if(RS_HAS_FILE_PREFIX_MAP)
  list(APPEND RS_WARNING_FLAGS "$<$<CONFIG:Release>:-ffile-prefix-map=${CMAKE_SOURCE_DIR}/=>")
endif()

function(rs_apply_warnings target)
  target_compile_options(${target} PRIVATE ${RS_WARNING_FLAGS})
endfunction()
