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

function(rs_apply_warnings target)
  target_compile_options(${target} PRIVATE ${RS_WARNING_FLAGS})
endfunction()
