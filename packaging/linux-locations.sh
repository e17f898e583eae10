# Where packaging/install puts the bundle on Linux, and where packaging/uninstall finds it.
# Sourced by both with $system set to true or false.

# The bundled executable's name: APP_SLUG in smtpeter_desktop/__init__.py (a test checks).
name=smtpeter-desktop

if $system; then
    lib_dir=/opt/$name
    bin_dir=/usr/local/bin
else
    lib_dir=$HOME/.local/lib/$name
    bin_dir=$HOME/.local/bin
fi
app=$lib_dir/$name
launcher=$bin_dir/$name

# --system writes into /opt and /usr/local: only root may.
require_root_for_system() {
    if $system && [ "$(id -u)" -ne 0 ]; then
        echo "$1 --system changes /opt and /usr/local for every user: run it with sudo," \
            "or leave out --system to $2 for yourself only." >&2
        exit 1
    fi
}
