#include "image_codec.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

// libvips is opened when the first image is read, not when dermasite starts: it brings about a
// hundred shared libraries (glib, cairo, pango, OpenEXR...) that every command would otherwise
// load and relocate at start-up, for sites that mostly have no photos. The few functions used are
// declared here as libvips 8 (ABI 42) defines them; an image is only ever a pointer here.
typedef struct VipsImage VipsImage;
enum { VIPS_ABI = 42, VIPS_SIZE_DOWN = 2 };

static struct {
    int (*init)(const char *argv0);
    int (*version)(int flag);
    void (*cache_set_max)(int max);
    char *(*error_buffer_copy)(void);
    VipsImage *(*image_new_from_buffer)(const void *buf, size_t len, const char *options, ...);
    int (*image_get_width)(const VipsImage *image);
    int (*image_get_height)(const VipsImage *image);
    unsigned long (*image_get_typeof)(const VipsImage *image, const char *name);
    int (*image_get_int)(const VipsImage *image, const char *name, int *out);
    int (*thumbnail_buffer)(void *buf, size_t len, VipsImage **out, int width, ...);
    int (*webpsave_buffer)(VipsImage *in, void **buf, size_t *len, ...);
    void (*object_unref)(void *object);
    void (*free)(void *memory);
} vips;

static pthread_once_t started = PTHREAD_ONCE_INIT;
static char start_error[256];
static __thread char last_error[512];

#define FIND(field, name) (vips.field = (__typeof__(vips.field))dlsym(library, name)) != NULL

static void start(void) {
    void *library = dlopen("libvips.so.42", RTLD_NOW | RTLD_LOCAL);
    if (!library) {
        snprintf(start_error, sizeof start_error, "libvips could not be loaded (%s); install libvips42", dlerror());
        return;
    }
    if (!(FIND(init, "vips_init") && FIND(version, "vips_version") && FIND(cache_set_max, "vips_cache_set_max")
          && FIND(error_buffer_copy, "vips_error_buffer_copy") && FIND(image_new_from_buffer, "vips_image_new_from_buffer")
          && FIND(image_get_width, "vips_image_get_width") && FIND(image_get_height, "vips_image_get_height")
          && FIND(image_get_typeof, "vips_image_get_typeof") && FIND(image_get_int, "vips_image_get_int")
          && FIND(thumbnail_buffer, "vips_thumbnail_buffer") && FIND(webpsave_buffer, "vips_webpsave_buffer")
          && FIND(object_unref, "g_object_unref") && FIND(free, "g_free"))) {
        snprintf(start_error, sizeof start_error, "libvips lacks a function DermaSite uses (%s)", dlerror());
        vips.init = NULL;
        return;
    }
    // As VIPS_INIT checks: the library's ABI (current - age) must be the one declared above.
    int abi = vips.version(3) - vips.version(5);
    if (abi != VIPS_ABI) {
        snprintf(start_error, sizeof start_error, "libvips has ABI version %d; DermaSite needs %d", abi, VIPS_ABI);
        vips.init = NULL;
        return;
    }
    if (vips.init("dermasite") != 0) {
        snprintf(start_error, sizeof start_error, "libvips could not start");
        vips.init = NULL;
        return;
    }
    // Each image is read once; a cache would only hold memory.
    vips.cache_set_max(0);
}

static int fail(void) {
    if (!vips.init) {
        strncpy(last_error, start_error, sizeof last_error - 1);
        last_error[sizeof last_error - 1] = 0;
        return -1;
    }
    // libvips keeps one error buffer for the process: take a copy and clear it at once.
    char *message = vips.error_buffer_copy();
    strncpy(last_error, message ? message : "", sizeof last_error - 1);
    last_error[sizeof last_error - 1] = 0;
    vips.free(message);
    return -1;
}

int dermasite_image_size(const void *bytes, size_t length, int *width, int *height, int *has_gps) {
    pthread_once(&started, start);
    if (!vips.init) return fail();
    VipsImage *image = vips.image_new_from_buffer(bytes, length, "", NULL);
    if (!image) return fail();
    *width = vips.image_get_width(image);
    *height = vips.image_get_height(image);
    // A phone photo stored on its side says so in EXIF; browsers and the copies turn it upright.
    int orientation = 1;
    if (vips.image_get_typeof(image, "orientation") && vips.image_get_int(image, "orientation", &orientation) == 0
        && orientation >= 5 && orientation <= 8) {
        int swap = *width;
        *width = *height;
        *height = swap;
    }
    *has_gps = vips.image_get_typeof(image, "exif-ifd3-GPSLatitude") != 0;
    vips.object_unref(image);
    return 0;
}

int dermasite_image_webp(const void *bytes, size_t length, int width, int quality, void **out, size_t *out_length) {
    pthread_once(&started, start);
    if (!vips.init) return fail();
    VipsImage *scaled = NULL;
    // A tall box, so only the width limits the size; "down" never enlarges a small image.
    if (vips.thumbnail_buffer((void *)bytes, length, &scaled, width, "height", 100000, "size", VIPS_SIZE_DOWN, NULL) != 0) {
        return fail();
    }
    int result = vips.webpsave_buffer(scaled, out, out_length, "Q", quality, "strip", 1, NULL);
    vips.object_unref(scaled);
    return result == 0 ? 0 : fail();
}

void dermasite_image_free(void *buffer) {
    if (vips.free) vips.free(buffer);
}

const char *dermasite_image_error(void) { return last_error; }
