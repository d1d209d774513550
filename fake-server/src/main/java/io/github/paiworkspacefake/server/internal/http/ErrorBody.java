package io.github.paiworkspacefake.server.internal.http;

import io.github.paiworkspacefake.server.internal.domain.ErrorCode;
import io.github.paiworkspacefake.server.internal.domain.Json;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The error body of Alibaba Cloud's ROA APIs: RequestId, HostId, Code, Message and Recommend. */
public final class ErrorBody {

    private ErrorBody() {}

    public static byte[] render(String requestId, String regionId, ErrorCode code, String message) {
        return render(requestId, regionId, code.code(), message);
    }

    public static byte[] render(String requestId, String regionId, String code, String message) {
        return Json.document(json -> {
            json.writeStringField("RequestId", requestId);
            json.writeStringField("HostId", "aiworkspace." + regionId + ".aliyuncs.com");
            json.writeStringField("Code", code);
            json.writeStringField("Message", message);
            json.writeStringField(
                    "Recommend",
                    "https://api.aliyun.com/troubleshoot?q=" + URLEncoder.encode(code, StandardCharsets.UTF_8)
                            + "&product=AIWorkSpace&requestId=" + requestId);
        });
    }
}
