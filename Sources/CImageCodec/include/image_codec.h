#ifndef DERMASITE_IMAGE_CODEC_H
#define DERMASITE_IMAGE_CODEC_H

#include <stddef.h>

/// The few libvips calls the generator needs. libvips takes variable arguments, which Swift
/// cannot call, so each is wrapped here with fixed ones. All return 0 on success.

/// Width and height of an encoded image (JPEG, PNG, WebP...) as shown (EXIF rotation applied),
/// read from its header; `has_gps` is 1 when its metadata holds a GPS position.
int dermasite_image_size(const void *bytes, size_t length, int *width, int *height, int *has_gps);

/// The image scaled down to `width` pixels wide (never up), its metadata dropped, encoded as WebP
/// at `quality` (1-100). `*out` is freed with dermasite_image_free.
int dermasite_image_webp(const void *bytes, size_t length, int width, int quality, void **out, size_t *out_length);

void dermasite_image_free(void *buffer);

/// The last libvips error message, for a diagnostic ("" if none); clears it.
const char *dermasite_image_error(void);

#endif
