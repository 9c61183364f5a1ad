import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.lang.reflect.Field;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * DynamoDB Local, listening on 127.0.0.1 only. Its own launcher has no bind-address option and listens
 * on every interface, unauthenticated: anyone who could reach a developer's machine could read every
 * council. This builds the server exactly as DynamoDB Local's command line does, then binds its one
 * Jetty connector to loopback before starting it. Run by packages/devstack/src/dynamodb-local.ts.
 */
public class LoopbackDynamoDB {
  public static void main(String[] args) throws Exception {
    DynamoDBProxyServer proxy = ServerRunner.createServerFromCommandLineArgs(args);
    Field field = DynamoDBProxyServer.class.getDeclaredField("server");
    field.setAccessible(true);
    Server jetty = (Server) field.get(proxy);
    for (Connector c : jetty.getConnectors()) {
      if (!(c instanceof ServerConnector)) throw new IllegalStateException("unexpected connector " + c);
      ((ServerConnector) c).setHost("127.0.0.1");
    }
    proxy.start();
    proxy.join();
  }
}
