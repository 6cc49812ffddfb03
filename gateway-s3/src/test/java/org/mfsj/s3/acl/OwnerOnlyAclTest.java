package org.mfsj.s3.acl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.mfsj.s3.error.S3Error;
import org.mfsj.s3.error.S3Exception;

/** Only an ACL that grants the owner's FULL_CONTROL and nothing else is taken; anything else says why. */
class OwnerOnlyAclTest {
    private static byte[] policy(String grants) {
        return ("<AccessControlPolicy xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Owner><ID>1000</ID></Owner>"
                + "<AccessControlList>" + grants + "</AccessControlList></AccessControlPolicy>")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String grant(String id, String permission) {
        return "<Grant><Grantee xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:type=\"CanonicalUser\">"
                + "<ID>" + id + "</ID></Grantee><Permission>" + permission + "</Permission></Grant>";
    }

    private static S3Error refusal(byte[] body) {
        return catchThrowableOfType(S3Exception.class, () -> OwnerOnlyAcl.checkBody(body, 1000)).error();
    }

    @Test
    void theOwnersFullControlAloneIsTaken() {
        assertThatCode(() -> OwnerOnlyAcl.checkBody(policy(grant("1000", "FULL_CONTROL")), 1000))
                .doesNotThrowAnyException();
        assertThatCode(() -> OwnerOnlyAcl.checkBody(new byte[0], 1000)).doesNotThrowAnyException();
    }

    @Test
    void moreOrOtherGrantsAndBrokenDocumentsAreRefused() {
        assertThat(refusal(policy(grant("1000", "FULL_CONTROL") + grant("2000", "READ"))))
                .isEqualTo(S3Error.ACCESS_CONTROL_LIST_NOT_SUPPORTED);
        assertThat(refusal(policy(grant("1000", "READ")))).isEqualTo(S3Error.ACCESS_CONTROL_LIST_NOT_SUPPORTED);
        assertThat(refusal(policy("<Grant><Grantee><URI>http://acs.amazonaws.com/groups/global/AllUsers</URI>"
                + "</Grantee><Permission>READ</Permission></Grant>")))
                .isEqualTo(S3Error.ACCESS_CONTROL_LIST_NOT_SUPPORTED);
        assertThat(refusal("<AccessControlPolicy><unclosed>".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(S3Error.MALFORMED_XML);
        assertThat(refusal("<CORSConfiguration/>".getBytes(StandardCharsets.UTF_8))).isEqualTo(S3Error.MALFORMED_XML);
    }
}
