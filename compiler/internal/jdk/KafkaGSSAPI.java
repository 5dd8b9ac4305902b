// KafkaGSSAPI runs the SASL GSSAPI exchange of a Kafka client and broker
// with the JDK mechanisms Kafka uses, in one process, and prints one line per
// exchange: "ok <authorization id>" or "error <message>".
//
// Usage: java [-Djava.security.krb5.conf=... -Dname=value ...] KafkaGSSAPI.java
//        JAAS_FILE CLIENT_SECTION (LISTENER HOST)...
// For each listener, the broker logs in with the JAAS section Kafka's
// JaasContext.loadServerContext picks, <listener in lower case>.KafkaServer
// or else KafkaServer, and serves kafka@<host of its login principal>, as
// SaslServerAuthenticator.createSaslKerberosServer does; the client logs in
// with CLIENT_SECTION and asks for kafka@HOST, the host it connected to, as
// SaslClientAuthenticator does with sasl.kerberos.service.name=kafka.
import java.io.File;
import java.security.PrivilegedExceptionAction;
import java.security.URIParameter;
import java.util.Map;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.kerberos.KerberosPrincipal;
import javax.security.auth.login.Configuration;
import javax.security.auth.login.LoginContext;
import javax.security.sasl.AuthorizeCallback;
import javax.security.sasl.Sasl;
import javax.security.sasl.SaslClient;
import javax.security.sasl.SaslServer;

public class KafkaGSSAPI {
    static final String SERVICE = "kafka";
    static final Map<String, String> PROPS = Map.of(Sasl.QOP, "auth");

    public static void main(String[] args) throws Exception {
        Configuration jaas = Configuration.getInstance("JavaLoginConfig", new URIParameter(new File(args[0]).toURI()));
        Subject client = login(jaas, args[1]);
        for (int i = 2; i + 1 < args.length; i += 2) {
            try {
                System.out.println("ok " + exchange(jaas, serverSection(jaas, args[i]), client, args[i + 1]));
            } catch (Exception e) {
                System.out.println("error " + rootMessage(e));
            }
        }
    }

    // serverSection is JaasContext.loadServerContext's choice for a listener.
    static String serverSection(Configuration jaas, String listener) {
        String own = listener.toLowerCase(java.util.Locale.ROOT) + ".KafkaServer";
        return jaas.getAppConfigurationEntry(own) != null ? own : "KafkaServer";
    }

    static Subject login(Configuration jaas, String section) throws Exception {
        LoginContext lc = new LoginContext(section, null, null, jaas);
        lc.login();
        return lc.getSubject();
    }

    // exchange logs the broker in with section and runs the SASL exchange of
    // client, which targets kafka@host; it returns the id the server authorized.
    static String exchange(Configuration jaas, String section, Subject client, String host) throws Exception {
        Subject server = login(jaas, section);
        String principal = server.getPrincipals(KerberosPrincipal.class).iterator().next().getName();
        String serverHost = principal.substring(principal.indexOf('/') + 1, principal.indexOf('@'));
        SaslServer ss = Subject.doAs(server, (PrivilegedExceptionAction<SaslServer>) () ->
            Sasl.createSaslServer("GSSAPI", SERVICE, serverHost, PROPS, callbacks -> {
                for (Callback cb : callbacks) {
                    if (cb instanceof AuthorizeCallback ac) {
                        ac.setAuthorized(ac.getAuthenticationID().equals(ac.getAuthorizationID()));
                    }
                }
            }));
        SaslClient sc = Subject.doAs(client, (PrivilegedExceptionAction<SaslClient>) () ->
            Sasl.createSaslClient(new String[] {"GSSAPI"}, null, SERVICE, host, PROPS, null));
        byte[] token = Subject.doAs(client, (PrivilegedExceptionAction<byte[]>) () ->
            sc.hasInitialResponse() ? sc.evaluateChallenge(new byte[0]) : new byte[0]);
        while (!sc.isComplete() || !ss.isComplete()) {
            final byte[] response = token;
            byte[] challenge = Subject.doAs(server, (PrivilegedExceptionAction<byte[]>) () -> ss.evaluateResponse(response));
            if (sc.isComplete() && ss.isComplete()) {
                break;
            }
            token = Subject.doAs(client, (PrivilegedExceptionAction<byte[]>) () -> sc.evaluateChallenge(challenge));
        }
        return ss.getAuthorizationID();
    }

    // rootMessage is the first line of e and of each of its causes.
    static String rootMessage(Throwable e) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            b.append(b.length() == 0 ? "" : ": ").append(t.getMessage() == null ? t.getClass().getName() : t.getMessage().split("\n")[0]);
        }
        return b.toString();
    }
}
