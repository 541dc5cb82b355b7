# RS_SANITIZE builds everything with ASan + UBSan, stopping at the first
# report so a test cannot pass over one.
function(rs_apply_sanitizers target)
  if(RS_SANITIZE)
    set(flags -fsanitize=address,undefined -fno-sanitize-recover=all
              -fno-omit-frame-pointer)
    target_compile_options(${target} PRIVATE ${flags})
    target_link_options(${target} PRIVATE ${flags})
  endif()
endfunction()
