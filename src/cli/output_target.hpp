#pragma once
// What --output FILE may name, checked before anything is computed.
#include <string>
#include <vector>

#include "core/util/message.hpp"

namespace plancheck::cli {

// Why --output `output` must not be written, or an empty message when it may. Refused:
// an existing file that is not a regular file (a device, FIFO, socket or
// directory: the report would replace it, not be written into it), and any
// of the run's inputs (`inputs`: files, directories walked as the loader
// walks them, "-" for stdin), compared by device and inode so that another
// name, a hard link or a symbolic link is caught too. A symbolic link is
// judged by the file it leads to, which is what would be replaced.
Message refuse_output(const std::string& output, const std::vector<std::string>& inputs);

}  // namespace plancheck::cli
