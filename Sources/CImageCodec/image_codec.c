#include "image_codec.h"

#include <pthread.h>
#include <string.h>
#include <vips/vips.h>

static pthread_once_t started = PTHREAD_ONCE_INIT;
static int start_failed = 0;
static __thread char last_error[512];

static void start(void) {
    if (VIPS_INIT("dermasite") != 0) { start_failed = 1; return; }
    // Each image is read once; a cache would only hold memory.
    vips_cache_set_max(0);
}

static int fail(void) {
    // libvips keeps one error buffer for the process: take a copy and clear it at once.
    char *message = vips_error_buffer_copy();
    strncpy(last_error, message ? message : "", sizeof last_error - 1);
    last_error[sizeof last_error - 1] = 0;
    g_free(message);
    return -1;
}

int dermasite_image_size(const void *bytes, size_t length, int *width, int *height, int *has_gps) {
    pthread_once(&started, start);
    if (start_failed) return fail();
    VipsImage *image = vips_image_new_from_buffer(bytes, length, "", NULL);
    if (!image) return fail();
    *width = vips_image_get_width(image);
    *height = vips_image_get_height(image);
    // A phone photo stored on its side says so in EXIF; browsers and the copies turn it upright.
    int orientation = 1;
    if (vips_image_get_typeof(image, VIPS_META_ORIENTATION) && vips_image_get_int(image, VIPS_META_ORIENTATION, &orientation) == 0
        && orientation >= 5 && orientation <= 8) {
        int swap = *width;
        *width = *height;
        *height = swap;
    }
    *has_gps = vips_image_get_typeof(image, "exif-ifd3-GPSLatitude") != 0;
    g_object_unref(image);
    return 0;
}

int dermasite_image_webp(const void *bytes, size_t length, int width, int quality, void **out, size_t *out_length) {
    pthread_once(&started, start);
    if (start_failed) return fail();
    VipsImage *scaled = NULL;
    // A tall box, so only the width limits the size; "down" never enlarges a small image.
    if (vips_thumbnail_buffer((void *)bytes, length, &scaled, width, "height", 100000, "size", VIPS_SIZE_DOWN, NULL) != 0) {
        return fail();
    }
    int result = vips_webpsave_buffer(scaled, out, out_length, "Q", quality, "strip", TRUE, NULL);
    g_object_unref(scaled);
    return result == 0 ? 0 : fail();
}

void dermasite_image_free(void *buffer) { g_free(buffer); }

const char *dermasite_image_error(void) { return last_error; }
