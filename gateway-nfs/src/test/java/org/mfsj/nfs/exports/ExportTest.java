package org.mfsj.nfs.exports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mfsj.common.types.Creds;

class ExportTest {
    static InetSocketAddress peer(String addr, int port) throws Exception {
        return new InetSocketAddress(InetAddress.getByName(addr), port);
    }

    @Test
    void defaultsAreCautious() throws Exception {
        Export e = Export.parse("/data 10.0.0.0/8");
        assertThat(e.readOnly()).isTrue();
        assertThat(e.squash()).isEqualTo(Squash.ROOT);
        assertThat(e.insecure()).isFalse();
        assertThat(e.admits(peer("10.1.2.3", 800))).isTrue();
        assertThat(e.admits(peer("10.1.2.3", 40000))).as("secure: high ports refused").isFalse();
        assertThat(e.admits(peer("11.1.2.3", 800))).isFalse();
    }

    @Test
    void optionsAndClientLists() throws Exception {
        Export e = Export.parse("/a//b/ 127.0.0.1,192.168.1.0/24,::1 rw,no_root_squash,insecure,anonuid=7,anongid=8");
        assertThat(e.path()).isEqualTo("/a/b");
        assertThat(e.readOnly()).isFalse();
        assertThat(e.admits(peer("192.168.1.200", 50000))).isTrue();
        assertThat(e.admits(peer("192.168.2.1", 50000))).isFalse();
        assertThat(e.admits(peer("::1", 50000))).isTrue();
        assertThat(e.anonUid()).isEqualTo(7);
        assertThat(Export.parse(e.toString())).isEqualTo(e);
    }

    @Test
    void squashRules() {
        Creds root = new Creds(0, 0, new int[] {0, 5});
        Creds user = new Creds(10, 20, new int[] {0});
        Export rootSquash = Export.parse("/ * rw,root_squash,anonuid=99,anongid=98");
        assertThat(rootSquash.squash(root)).isEqualTo(new Creds(99, 98, new int[0]));
        assertThat(rootSquash.squash(user)).as("group 0 squashed too").isEqualTo(new Creds(10, 20, new int[] {98}));
        Export all = Export.parse("/ * rw,all_squash,anonuid=99,anongid=98");
        assertThat(all.squash(user)).isEqualTo(new Creds(99, 98, new int[0]));
        Export none = Export.parse("/ * rw,no_root_squash");
        assertThat(none.squash(root)).isEqualTo(root);
    }

    @Test
    void mistakesAreNamed() {
        assertThatThrownBy(() -> Export.parse("data *")).hasMessageContaining("not absolute");
        assertThatThrownBy(() -> Export.parse("/a/../b *")).hasMessageContaining("..");
        assertThatThrownBy(() -> Export.parse("/a")).hasMessageContaining("PATH CLIENTS");
        assertThatThrownBy(() -> Export.parse("/a host.example")).hasMessageContaining("not *, an IP address");
        assertThatThrownBy(() -> Export.parse("/a 10.0.0.0/33")).hasMessageContaining("prefix length");
        assertThatThrownBy(() -> Export.parse("/a * rw,fast")).hasMessageContaining("unknown export option 'fast'");
        assertThatThrownBy(() -> Export.parse("/a * anonuid=-1")).hasMessageContaining("anonuid=-1");
        assertThatThrownBy(() -> new ExportTable(List.of(Export.parse("/a *"), Export.parse("/a/ *"))))
                .hasMessageContaining("exported twice");
    }
}
