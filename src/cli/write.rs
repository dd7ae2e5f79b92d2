//! Writing a file that the user named (`coex build -o FILE`, `coex fmt`)
//! without ever losing it, leaking it, or replacing what is not a file.
//!
//! - A regular file is replaced atomically: the new content goes to a
//!   temporary file created exclusively, with an unpredictable name, in the
//!   same directory (the `tempfile` crate), with the old file's permissions
//!   set before a byte is written; it is synced, renamed over the old file,
//!   and the directory is synced. A failure at any step leaves the old file
//!   byte-identical and no temporary file behind.
//! - A symbolic link is followed: the file it points to gets the content,
//!   and the link stays a link. A link to nothing is refused.
//! - A file with more than one hard link is refused: replacing it would cut
//!   it off from its other names, and writing it in place could leave it
//!   half-written if interrupted.
//! - Anything else that exists (a device such as `/dev/null` or
//!   `/dev/stdout`, a FIFO) is opened and written in place, never replaced;
//!   a directory is refused.
//! - A file that does not exist is created like a replaced one, with the
//!   permissions a new file gets (`0666` less the umask).

use std::fs::{File, Metadata, OpenOptions};
use std::io::{self, Write};
use std::path::Path;

/// Write `contents` to the file at `path` as described in the module
/// documentation. Errors are for the user as they are (`cannot write
/// `PATH`: ERROR`).
pub fn write_file(path: &Path, contents: &[u8]) -> io::Result<()> {
    // What the path is, every symbolic link followed.
    let metadata = match std::fs::metadata(path) {
        Err(e) if e.kind() == io::ErrorKind::NotFound && !path.is_symlink() => {
            return replace(path, contents, None);
        }
        Err(e) => return Err(broken_link(path, e)),
        Ok(metadata) => metadata,
    };
    if metadata.is_dir() {
        return Err(io::Error::other("it is a directory"));
    }
    if !metadata.is_file() {
        // A device or a FIFO (`/dev/stdout` may be a pipe, which has no
        // path to resolve): written in place, as `>` in a shell would.
        let mut file = OpenOptions::new().write(true).open(path)?;
        file.write_all(contents)?;
        return file.flush();
    }
    let links = hard_links(&metadata);
    if links > 1 {
        return Err(io::Error::other(format!(
            "it has {links} hard links, which replacing it would break; \
             write to another path, or make it a file of its own first \
             (`cp FILE FILE.new && mv FILE.new FILE`)"
        )));
    }
    // The file itself, where the new one is renamed to: a link stays a link.
    let target = if path.is_symlink() {
        std::fs::canonicalize(path).map_err(|e| broken_link(path, e))?
    } else {
        path.to_path_buf()
    };
    replace(&target, contents, Some(&metadata))
}

/// A link that points nowhere or loops: the error, saying where it points.
fn broken_link(path: &Path, error: io::Error) -> io::Error {
    if !path.is_symlink() {
        return error;
    }
    let target = std::fs::read_link(path)
        .map(|t| format!(" to `{}`", t.display()))
        .unwrap_or_default();
    io::Error::new(
        error.kind(),
        format!("it is a symbolic link{target} that cannot be followed ({error})"),
    )
}

/// Write a new file beside `target` and rename it over `target`, keeping
/// `old`'s permissions (and, where allowed, its owner).
fn replace(target: &Path, contents: &[u8], old: Option<&Metadata>) -> io::Result<()> {
    let directory = match target.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let name = target
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "not a file name"))?;
    let prefix = format!(".{}.", name.to_string_lossy());
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    // A new file gets what `>` in a shell would give it; an old file's
    // permissions are set below, before anything is written.
    #[cfg(unix)]
    if old.is_none() {
        builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    }
    // Dropped on any error below: the temporary file is removed.
    let mut temporary = builder.tempfile_in(directory)?;
    if let Some(old) = old {
        temporary.as_file().set_permissions(old.permissions())?;
        keep_owner(temporary.as_file(), old);
    }
    temporary.write_all(contents)?;
    temporary.as_file().sync_all()?;
    temporary.persist(target).map_err(|e| e.error)?;
    sync_directory(directory);
    Ok(())
}

#[cfg(unix)]
fn hard_links(metadata: &Metadata) -> u64 {
    std::os::unix::fs::MetadataExt::nlink(metadata)
}

#[cfg(not(unix))]
fn hard_links(_: &Metadata) -> u64 {
    1
}

/// Give the new file the old one's owner and group. Only root may give a
/// file away, so for anyone else (writing their own file) this does nothing.
#[cfg(unix)]
fn keep_owner(file: &File, old: &Metadata) {
    use std::os::unix::fs::MetadataExt;
    let _ = std::os::unix::fs::fchown(file, Some(old.uid()), Some(old.gid()));
}

#[cfg(not(unix))]
fn keep_owner(_: &File, _: &Metadata) {}

/// Make the rename durable. Some file systems cannot sync a directory; the
/// file itself is already synced, so that is not an error.
fn sync_directory(directory: &Path) {
    #[cfg(unix)]
    if let Ok(directory) = File::open(directory) {
        let _ = directory.sync_all();
    }
    #[cfg(not(unix))]
    let _ = directory;
}
