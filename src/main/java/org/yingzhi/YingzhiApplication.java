package org.yingzhi;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Yingzhi (影志): media asset manager for a video gazetteer. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class YingzhiApplication {

    public static void main(String[] args) {
        SpringApplication.run(YingzhiApplication.class, args);
    }
}
