#include "file_status.h"
#include <sys/stat.h>

static void fill(const struct stat *s, lectio_file_status *out) {
    out->mode = s->st_mode;
    out->uid = s->st_uid;
    out->gid = s->st_gid;
    out->size = (long long)s->st_size;
    out->inode = (unsigned long long)s->st_ino;
    out->device = (unsigned long long)s->st_dev;
    out->modified_seconds = (long long)s->st_mtim.tv_sec;
    out->modified_nanoseconds = s->st_mtim.tv_nsec;
}

int lectio_fstat(int fd, lectio_file_status *out) {
    struct stat s;
    if (fstat(fd, &s) != 0) return -1;
    fill(&s, out);
    return 0;
}

int lectio_stat(const char *path, lectio_file_status *out) {
    struct stat s;
    if (stat(path, &s) != 0) return -1;
    fill(&s, out);
    return 0;
}

int lectio_lstat(const char *path, lectio_file_status *out) {
    struct stat s;
    if (lstat(path, &s) != 0) return -1;
    fill(&s, out);
    return 0;
}
