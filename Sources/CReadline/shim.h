// The one C boundary of yotq: GNU readline and its history library.
// (Shim setters for rl_* globals that Swift 6 cannot assign safely are added here by the LineEditor work.)
#include <stdio.h>
#include <readline/readline.h>
#include <readline/history.h>
