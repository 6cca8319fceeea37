# Warnings and sanitizers live on INTERFACE targets that our own targets link,
# so they never leak into third-party code or global flags.
add_library(plancheck_warnings INTERFACE)
target_compile_options(plancheck_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion
  $<$<BOOL:${PLANCHECK_WERROR}>:-Werror>)

add_library(plancheck_sanitizers INTERFACE)
if(PLANCHECK_SANITIZE)
  set(_san -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
elseif(PLANCHECK_FUZZ)
  set(_san -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
elseif(PLANCHECK_TSAN)
  set(_san -fsanitize=thread -fno-omit-frame-pointer)
endif()
if(_san)
  target_compile_options(plancheck_sanitizers INTERFACE ${_san})
  target_link_options(plancheck_sanitizers INTERFACE ${_san})
endif()

add_library(plancheck_settings INTERFACE)
target_link_libraries(plancheck_settings INTERFACE plancheck_warnings plancheck_sanitizers)
