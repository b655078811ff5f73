// zlib (zlib1g-dev; ZIPFoundation needs it too, under its own module name CZlib): raw deflate and CRC-32 for the workbook writers.
#include <zlib.h>
