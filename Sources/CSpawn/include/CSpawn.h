#ifndef OSS_CSPAWN_H
#define OSS_CSPAWN_H

#include <spawn.h>

/// Adds a chdir to `directory` to `actions` (posix_spawn_file_actions_addchdir_np, which glibc declares only
/// under _GNU_SOURCE and Swift's Glibc module therefore does not export). Returns 0 or an errno value.
int oss_spawn_file_actions_addchdir(posix_spawn_file_actions_t *actions, const char *directory);

#endif
