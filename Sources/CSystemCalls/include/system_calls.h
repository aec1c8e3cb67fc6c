#ifndef DERMASITE_SYSTEM_CALLS_H
#define DERMASITE_SYSTEM_CALLS_H

/// Swaps two paths in one step: renameat2(RENAME_EXCHANGE) on Linux, renamex_np(RENAME_SWAP) on
/// macOS. Returns 0, or -1 with errno set (ENOSYS or EINVAL where the system or file system
/// cannot, EXDEV across file systems, EBUSY for a mount point).
int dermasite_exchange_paths(const char *first, const char *second);

#endif
