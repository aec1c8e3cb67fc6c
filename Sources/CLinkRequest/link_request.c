#include "link_request.h"

#include <ctype.h>
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

// libcurl is opened on the first request, not when dermasite starts: with the TLS, Kerberos and
// LDAP libraries it brings, loading it cost every command about 10 ms at start-up, and only
// `check --external` asks other sites anything. The values below are libcurl's stable ABI
// (curl/curl.h, unchanged since they were added); a handle is only ever a pointer here.
typedef void CURL;
enum {
    CURL_GLOBAL_DEFAULT = 3,
    CURLOPT_WRITEDATA = 10001, CURLOPT_URL = 10002, CURLOPT_WRITEFUNCTION = 20011, CURLOPT_USERAGENT = 10018,
    CURLOPT_HEADERDATA = 10029, CURLOPT_CUSTOMREQUEST = 10036, CURLOPT_NOBODY = 44, CURLOPT_FOLLOWLOCATION = 52,
    CURLOPT_HTTPGET = 80, CURLOPT_NOSIGNAL = 99, CURLOPT_TIMEOUT_MS = 155, CURLOPT_HEADERFUNCTION = 20079,
    CURLOPT_PROTOCOLS = 181, CURLPROTO_HTTP = 1, CURLPROTO_HTTPS = 2,
    CURLINFO_RESPONSE_CODE = 0x200000 + 2,
    CURLE_OK = 0, CURLE_WRITE_ERROR = 23, CURLE_OPERATION_TIMEDOUT = 28,
};

static struct {
    int (*global_init)(long flags);
    CURL *(*easy_init)(void);
    int (*easy_setopt)(CURL *handle, int option, ...);
    int (*easy_perform)(CURL *handle);
    int (*easy_getinfo)(CURL *handle, int info, ...);
    void (*easy_cleanup)(CURL *handle);
    const char *(*easy_strerror)(int code);
} curl;

static pthread_once_t started = PTHREAD_ONCE_INIT;
static char start_error[256];

#define FIND(field, name) (curl.field = (__typeof__(curl.field))dlsym(library, name)) != NULL

static void start(void) {
    void *library = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);
    if (!library) {
        snprintf(start_error, sizeof start_error, "libcurl could not be loaded (%s); install libcurl4", dlerror());
        return;
    }
    if (!(FIND(global_init, "curl_global_init") && FIND(easy_init, "curl_easy_init") && FIND(easy_setopt, "curl_easy_setopt")
          && FIND(easy_perform, "curl_easy_perform") && FIND(easy_getinfo, "curl_easy_getinfo")
          && FIND(easy_cleanup, "curl_easy_cleanup") && FIND(easy_strerror, "curl_easy_strerror"))) {
        snprintf(start_error, sizeof start_error, "libcurl lacks a function DermaSite uses (%s)", dlerror());
        curl.easy_init = NULL;
        return;
    }
    // Not thread-safe in older libcurl: done once, before any handle exists.
    if (curl.global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
        snprintf(start_error, sizeof start_error, "libcurl could not start");
        curl.easy_init = NULL;
    }
}

static void keep(char *into, size_t size, const char *value, size_t length) {
    while (length > 0 && isspace((unsigned char)value[0])) { value++; length--; }
    while (length > 0 && isspace((unsigned char)value[length - 1])) length--;
    if (length >= size) length = 0;  // a cut address would be wrong: none at all
    memcpy(into, value, length);
    into[length] = 0;
}

static size_t header_line(char *line, size_t size, size_t count, void *data) {
    dermasite_link_answer *answer = data;
    size_t length = size * count;
    // Each response of the exchange (a 100 Continue, say) starts with its status line: only the
    // last one's headers count.
    if (length >= 5 && strncmp(line, "HTTP/", 5) == 0) {
        answer->location[0] = 0;
        answer->retry_after[0] = 0;
    } else if (length > 9 && strncasecmp(line, "Location:", 9) == 0) {
        keep(answer->location, sizeof answer->location, line + 9, length - 9);
    } else if (length > 12 && strncasecmp(line, "Retry-After:", 12) == 0) {
        keep(answer->retry_after, sizeof answer->retry_after, line + 12, length - 12);
    }
    return length;
}

// The status and headers are all the check needs: the first bytes of a body end the transfer.
static size_t body(char *bytes, size_t size, size_t count, void *data) {
    (void)bytes; (void)size; (void)count; (void)data;
    return 0;
}

int dermasite_link_request(const char *url, const char *method, const char *user_agent, long timeout_ms,
                           dermasite_link_answer *answer) {
    memset(answer, 0, sizeof *answer);
    pthread_once(&started, start);
    if (!curl.easy_init) {
        snprintf(answer->error, sizeof answer->error, "%s", start_error);
        return -1;
    }
    CURL *handle = curl.easy_init();
    if (!handle) {
        snprintf(answer->error, sizeof answer->error, "libcurl could not make a request");
        return -1;
    }
    int head = strcmp(method, "HEAD") == 0;
    curl.easy_setopt(handle, CURLOPT_URL, url);
    curl.easy_setopt(handle, CURLOPT_PROTOCOLS, (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS));
    curl.easy_setopt(handle, head ? CURLOPT_NOBODY : CURLOPT_HTTPGET, 1L);
    curl.easy_setopt(handle, CURLOPT_FOLLOWLOCATION, 0L);
    curl.easy_setopt(handle, CURLOPT_NOSIGNAL, 1L);  // threads: no SIGALRM for timeouts
    curl.easy_setopt(handle, CURLOPT_TIMEOUT_MS, timeout_ms);
    curl.easy_setopt(handle, CURLOPT_USERAGENT, user_agent);
    curl.easy_setopt(handle, CURLOPT_HEADERFUNCTION, header_line);
    curl.easy_setopt(handle, CURLOPT_HEADERDATA, answer);
    curl.easy_setopt(handle, CURLOPT_WRITEFUNCTION, body);
    curl.easy_setopt(handle, CURLOPT_WRITEDATA, answer);
    int code = curl.easy_perform(handle);
    long status = 0;
    curl.easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &status);
    curl.easy_cleanup(handle);
    if ((code == CURLE_OK || code == CURLE_WRITE_ERROR) && status > 0) {
        answer->status = status;
        return 0;
    }
    answer->location[0] = 0;
    answer->retry_after[0] = 0;
    answer->timed_out = code == CURLE_OPERATION_TIMEDOUT;
    snprintf(answer->error, sizeof answer->error, "%s", answer->timed_out ? "timed out" : curl.easy_strerror(code));
    return -1;
}
