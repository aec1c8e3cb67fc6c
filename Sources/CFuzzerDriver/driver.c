// Declarations only: libFuzzer itself is linked by -sanitize=fuzzer (see scripts/fuzz.sh).
#include "fuzzer_driver.h"
