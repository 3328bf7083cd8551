// What stat(2) says of a file, as a plain struct of our own: `struct stat` itself comes into
// Swift from several system modules at once, and its fields then resolve unreliably.
#ifndef LECTIO_FILE_STATUS_H
#define LECTIO_FILE_STATUS_H

typedef struct {
    unsigned int mode;          // st_mode: type and permission bits
    unsigned int uid;
    unsigned int gid;
    long long size;
    unsigned long long inode;
    unsigned long long device;
    long long modified_seconds;
    long modified_nanoseconds;
} lectio_file_status;

/// 0 on success, -1 with errno set.
int lectio_fstat(int fd, lectio_file_status *out);
int lectio_stat(const char *path, lectio_file_status *out);
int lectio_lstat(const char *path, lectio_file_status *out);

#endif
