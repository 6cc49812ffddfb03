package org.mfsj.client.io;

import org.mfsj.common.status.MfsException;
import org.mfsj.common.types.Attr;

/** The master's attributes of an inode, as they are (no local length patching). */
@FunctionalInterface
public interface AttrSource {
    Attr getattr(long inode) throws MfsException;
}
