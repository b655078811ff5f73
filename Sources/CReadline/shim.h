// The one C boundary of yotq: GNU readline and its history library.
//
// Swift 6 cannot assign C globals safely, so each `rl_*` global yotq sets or reads has a tiny inline
// accessor here. Only `Sources/LineEditor/ReadlineReader.swift` imports this module.
#include <stdio.h>
#include <stdlib.h>
#include <readline/readline.h>
#include <readline/history.h>

// String settings are copied (strdup) because readline keeps the pointer while Swift's C strings live only
// for the call. Each is set once per process, so the copies are never freed.

/// The name `~/.inputrc` conditionals (`$if yotq`) test against.
static inline void yotq_rl_set_readline_name(const char *name) { rl_readline_name = strdup(name); }

/// 0: readline installs no SIGINT/SIGTERM handlers of its own; yotq's handler decides.
static inline void yotq_rl_set_catch_signals(int value) { rl_catch_signals = value; }

static inline void yotq_rl_set_attempted_completion_function(rl_completion_func_t *function) {
    rl_attempted_completion_function = function;
}

/// Non-zero: no file-name completion after ours, even when we return no matches.
static inline void yotq_rl_set_attempted_completion_over(int value) { rl_attempted_completion_over = value; }

/// The character appended after a single match (0: none, as after a folder's `/`).
static inline void yotq_rl_set_completion_append_character(int character) {
    rl_completion_append_character = character;
}

/// Characters that start a quoted word: completion inside `'East Mi` sees `East Mi`, spaces and all.
static inline void yotq_rl_set_completer_quote_characters(const char *characters) {
    rl_completer_quote_characters = strdup(characters);
}

static inline void yotq_rl_set_basic_word_break_characters(const char *characters) {
    rl_basic_word_break_characters = strdup(characters);
}

/// Non-zero: readline adds no closing quote after a single match inside quotes.
static inline void yotq_rl_set_completion_suppress_quote(int value) { rl_completion_suppress_quote = value; }

/// The whole line being edited and the cursor's byte offset in it.
static inline const char *yotq_rl_line_buffer(void) { return rl_line_buffer; }
static inline int yotq_rl_point(void) { return rl_point; }
