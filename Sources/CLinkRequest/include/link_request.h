#ifndef DERMASITE_LINK_REQUEST_H
#define DERMASITE_LINK_REQUEST_H

/// One HTTP request through libcurl, for `check --external`: no redirect followed, the body not
/// read, the headers the link check needs kept.
typedef struct {
    /// The answer's status (0 when there was none).
    long status;
    /// 1 when the time ran out before an answer.
    int timed_out;
    /// The Location and Retry-After headers, trimmed ("" when absent or too long to keep).
    char location[4096];
    char retry_after[64];
    /// Why there was no answer ("" when there was one).
    char error[256];
} dermasite_link_answer;

/// Asks `url` with `method` ("HEAD" or "GET"), http and https only, giving up after `timeout_ms`.
/// Returns 0 when the server answered, -1 otherwise (`answer->error` says why). Safe to call from
/// several threads at once.
int dermasite_link_request(const char *url, const char *method, const char *user_agent, long timeout_ms,
                           dermasite_link_answer *answer);

#endif
